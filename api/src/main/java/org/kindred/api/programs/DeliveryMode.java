package org.kindred.api.programs;

public enum DeliveryMode {
    in_person,
    virtual,
    hybrid
}
