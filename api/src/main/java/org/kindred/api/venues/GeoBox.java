package org.kindred.api.venues;

import java.util.List;

/**
 * The latitude/longitude rectangles that contain every point within a radius of a centre, so an index on
 * coordinates can prune before exact distances are computed. Near a pole the box spans every longitude;
 * across the antimeridian it splits in two.
 */
public record GeoBox(double minLat, double maxLat, double minLon, double maxLon) {
    /** Mean Earth radius (IUGG), the sphere on which distances are great-circle distances. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public static List<GeoBox> around(double lat, double lon, double radiusKm) {
        double angular = radiusKm / EARTH_RADIUS_KM;
        double minLat = lat - Math.toDegrees(angular);
        double maxLat = lat + Math.toDegrees(angular);
        if (minLat <= -90 || maxLat >= 90 || angular >= Math.PI / 2) {
            return List.of(new GeoBox(Math.max(minLat, -90), Math.min(maxLat, 90), -180, 180));
        }
        double deltaLon = Math.toDegrees(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(Math.toRadians(lat)))));
        double minLon = lon - deltaLon;
        double maxLon = lon + deltaLon;
        if (minLon < -180) {
            return List.of(new GeoBox(minLat, maxLat, minLon + 360, 180), new GeoBox(minLat, maxLat, -180, maxLon));
        }
        if (maxLon > 180) {
            return List.of(new GeoBox(minLat, maxLat, minLon, 180), new GeoBox(minLat, maxLat, -180, maxLon - 360));
        }
        return List.of(new GeoBox(minLat, maxLat, minLon, maxLon));
    }
}
