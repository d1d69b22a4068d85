package org.kindred.api.venues;

/** Spherical geometry computed independently of the server, on the same mean Earth radius. */
final class Geo {
    static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    /** Great-circle distance in km by the haversine formula. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The point {@code distanceKm} from the start along the initial bearing (degrees clockwise from north). */
    static double[] destination(double lat, double lon, double bearingDegrees, double distanceKm) {
        double angular = distanceKm / EARTH_RADIUS_KM;
        double phi1 = Math.toRadians(lat);
        double theta = Math.toRadians(bearingDegrees);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(angular)
            + Math.cos(phi1) * Math.sin(angular) * Math.cos(theta));
        double lambda2 = Math.toRadians(lon) + Math.atan2(Math.sin(theta) * Math.sin(angular) * Math.cos(phi1),
            Math.cos(angular) - Math.sin(phi1) * Math.sin(phi2));
        double lon2 = Math.toDegrees(lambda2);
        lon2 = ((lon2 + 540) % 360) - 180;
        return new double[] {Math.toDegrees(phi2), lon2};
    }
}
