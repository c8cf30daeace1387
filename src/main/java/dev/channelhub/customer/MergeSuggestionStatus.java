package dev.channelhub.customer;

/** OPEN until sales accept it (the customers are merged) or dismiss it. */
public enum MergeSuggestionStatus {
    OPEN, ACCEPTED, DISMISSED
}
