package org.example.deathcertificate.coding;

class UnknownRegionException extends RuntimeException {

    UnknownRegionException(String region) {
        super("No region named '" + region + "'");
    }
}
