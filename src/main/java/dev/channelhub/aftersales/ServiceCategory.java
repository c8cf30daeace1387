package dev.channelhub.aftersales;

public enum ServiceCategory {
    INSTALLATION, REPAIR, COMPLAINT, INQUIRY, OTHER
}
