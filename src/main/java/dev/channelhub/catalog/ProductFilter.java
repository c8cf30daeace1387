package dev.channelhub.catalog;

/** The filter of a list query, shared by REST, GraphQL and the service; null fields do not filter. */
public record ProductFilter(String category, ProductStatus status, String q) {
}
