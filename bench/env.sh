# Sourced after lib.sh with a server running: exports what the W* scripts read (ids from the generated data
# and tokens minted with the server's dev key).
q() { psqlb -At -c "$1"; }
export CHANNELS=$(q "select string_agg(id::text, ',') from (select id from channel where tenant_id = 'bench' and status = 'ACTIVE' order by code limit 200) x")
# W3 orders go through active channels without a credit limit (a partner with a limit locks its channel row
# for the credit check, which is measured apart: see docs/PERFORMANCE.md)
export W3_CHANNELS=$(q "select string_agg(id::text, ',') from (select id from channel where tenant_id = 'bench' and status = 'ACTIVE' and credit_limit is null order by code limit 200) x")
export CUSTOMERS=$(q "select string_agg(id::text, ',') from (select id from customer c where tenant_id = 'bench' and status = 'ACTIVE' and exists (select 1 from sales_order o where o.tenant_id = 'bench' and o.customer_id = c.id) order by md5(id::text) limit 1000) x")
export NSKU=$(q "select count(*) from product where tenant_id = 'bench'") SKU_DIGITS=6
export MONTHS=$(q "select string_agg(to_char(m, 'YYYY-MM-DD') || ':' || to_char(m + interval '1 month' - interval '1 day', 'YYYY-MM-DD'), ',') from generate_series(date_trunc('month', now()) - interval '12 months', date_trunc('month', now()) - interval '1 month', interval '1 month') m")
export TOKEN=$(token --tenant bench --roles sales --ttl 7200)
export MANAGER_TOKEN=$(token --tenant bench --roles manager --ttl 7200)
if [ -z "${NO_PARTNER_TOKENS:-}" ]; then
  PT=()
  for ch in $(q "select id from channel c where tenant_id = 'bench' and status = 'ACTIVE' and type in ('DISTRIBUTOR','AGENT','RETAIL_STORE') order by (select count(*) from sales_order o where o.tenant_id = 'bench' and o.channel_id = c.id) desc limit 10"); do
    PT+=("$(token --tenant bench --roles partner --channel "$ch" --ttl 7200)")
  done
  export PARTNER_TOKENS=$(IFS=,; echo "${PT[*]}")
fi
