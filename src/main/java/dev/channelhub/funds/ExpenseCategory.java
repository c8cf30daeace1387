package dev.channelhub.funds;

/** What an expense claim paid for (API-CONTRACT-2 §8). */
public enum ExpenseCategory {
    MARKETING, EVENT, DISPLAY, TRAINING, OTHER
}
