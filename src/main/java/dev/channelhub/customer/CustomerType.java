package dev.channelhub.customer;

public enum CustomerType {
    PERSON, COMPANY
}
