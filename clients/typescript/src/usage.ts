// A small client written against the generated types (src/generated/api.d.ts, from ../../openapi/openapi.json):
// create a channel, place an order, read it back with typed fields. `../check.sh` type-checks it; it is not run.
// What must hold for it to compile is what a client needs from the contract: typed 201/200 bodies, required fields,
// money as decimal strings, enums as string unions.
import createClient from "openapi-fetch";
import type { paths } from "./generated/api";

type OrderStatus = "SUBMITTED" | "CONFIRMED" | "PARTIALLY_SHIPPED" | "SHIPPED" | "DELIVERED" | "COMPLETED" | "CANCELLED";

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  total: string; // money: a decimal string such as "1299.00", never a float
  currency: string;
  lines: { sku: string; quantity: number; unitPrice: string }[];
}

export async function placeAndReadBack(baseUrl: string, token: string): Promise<OrderSummary> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const channel = await client.POST("/api/v1/channels", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { code: "EAST-01", name: "East distributor", type: "DISTRIBUTOR", creditLimit: "50000.00" },
  });
  if (!channel.data) {
    throw new Error(`createChannel failed: ${channel.error?.code}`);
  }
  const channelId: string = channel.data.id;

  const placed = await client.POST("/api/v1/orders", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { channelId, lines: [{ sku: "SKU-1", quantity: 2 }] },
  });
  if (!placed.data) {
    throw new Error(`placeOrder failed: ${placed.error?.code}`);
  }
  // the 201 body is the placed order
  const placedId: string = placed.data.id;
  const placedTotal: string = placed.data.total;

  const read = await client.GET("/api/v1/orders/{id}", { params: { path: { id: placedId } } });
  if (!read.data) {
    throw new Error(`getOrder failed: ${read.error?.code}`);
  }
  const order = read.data;
  const status: OrderStatus = order.status;
  const summary: OrderSummary = {
    id: order.id,
    number: order.number,
    status,
    total: order.total,
    currency: order.currency,
    lines: (order.lines ?? []).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
  };
  if (summary.total !== placedTotal) {
    throw new Error("the order read back differs from the one placed");
  }
  return summary;
}
