package org.kindred.api.venues;

import java.math.BigDecimal;
import java.util.Currency;
import org.kindred.api.http.Checks;

/** What bringing a pet costs, e.g. 5.00 EUR per visit. */
public record Fee(BigDecimal amount, String currency, FeePer per) {

    void check(Checks checks, String field) {
        checks.required(field + ".amount", amount).required(field + ".currency", currency).required(field + ".per", per);
        if (amount != null) {
            checks.check(amount.signum() >= 0 && amount.scale() <= 2 && amount.compareTo(BigDecimal.valueOf(100_000)) < 0,
                field + ".amount", "out_of_range", "must be from 0 to 99999.99 with at most 2 decimals");
        }
        if (currency != null) {
            checks.check(isCurrency(currency), field + ".currency", "invalid_value",
                "must be an ISO 4217 currency code in capitals, like USD or EUR");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
