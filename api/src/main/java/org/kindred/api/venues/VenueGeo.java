package org.kindred.api.venues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL for finding venues near a point, shared by venue search and the group directory: an R*Tree lookup
 * of the boxes around the centre (which prunes by area), then the exact great-circle distance.
 */
public final class VenueGeo {
    private VenueGeo() {
    }

    /** Selects the {@code seq} of venues in the boxes around {@code near}, each once; adds its parameters to {@code binds}. */
    static String candidates(VenueFilter.Near near, Map<String, Object> binds) {
        List<String> boxes = new ArrayList<>();
        List<GeoBox> geoBoxes = GeoBox.around(near.latitude(), near.longitude(), near.radiusKm());
        for (int i = 0; i < geoBoxes.size(); i++) {
            GeoBox box = geoBoxes.get(i);
            boxes.add(("SELECT venue_seq FROM venue_locations WHERE min_lat <= :geo_max_lat%1$d AND max_lat >= :geo_min_lat%1$d"
                + " AND min_lon <= :geo_max_lon%1$d AND max_lon >= :geo_min_lon%1$d").formatted(i));
            binds.put("geo_min_lat" + i, box.minLat());
            binds.put("geo_max_lat" + i, box.maxLat());
            binds.put("geo_min_lon" + i, box.minLon());
            binds.put("geo_max_lon" + i, box.maxLon());
        }
        binds.put("geo_lat", near.latitude());
        binds.put("geo_lon", near.longitude());
        binds.put("geo_radius", near.radiusKm());
        return String.join(" UNION ", boxes);
    }

    /** Great-circle (haversine) distance in km from the centre bound by {@link #candidates} to {@code alias}'s point. */
    static String distance(String alias) {
        return """
            (2 * %2$s * asin(sqrt(pow(sin(radians(%1$s.latitude - :geo_lat) / 2), 2)
                + cos(radians(:geo_lat)) * cos(radians(%1$s.latitude)) * pow(sin(radians(%1$s.longitude - :geo_lon) / 2), 2))))"""
            .formatted(alias, GeoBox.EARTH_RADIUS_KM);
    }

    /** Selects the ids of venues within {@code near}'s radius; adds its parameters to {@code binds}. */
    public static String idsWithin(VenueFilter.Near near, Map<String, Object> binds) {
        return "SELECT nv.id FROM venues nv WHERE nv.seq IN (" + candidates(near, binds) + ") AND "
            + distance("nv") + " <= :geo_radius";
    }
}
