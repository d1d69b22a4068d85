package org.kindred.api.venues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kindred.api.db.Database;
import org.kindred.api.http.Json;

/**
 * Every venue's coordinates and the pets it admits, in memory and sorted by latitude, for finding the venues near a
 * point (the product's central search is for venues near a point that admit a species): a binary search finds the
 * band of latitudes a radius can reach, and great-circle distances are computed for the points in its boxes. In SQL
 * (an R*Tree, then each candidate's row and a haversine expression) this was most of a search's cost. Read afresh,
 * whole, after any write that changed the venues table; a write to any other table leaves it be.
 */
public final class VenueLocations {
    private static final Set<String> READS = Set.of("venues");

    private final Database db;
    private volatile Snapshot kept = new Builder().build(-1);

    public VenueLocations(Database db) {
        this.db = db;
    }

    /** A venue within reach of a centre: its key ({@code venues.seq}) and great-circle distance in km. */
    public record Nearby(long seq, double distanceKm) {
    }

    /** The venues within {@code near}'s radius that admit {@code species} (null: any or none), in no order. */
    public List<Nearby> within(VenueFilter.Near near, Species species) {
        int wanted = species == null ? 0 : bit(species);
        Snapshot locations = current();
        List<GeoBox> boxes = GeoBox.around(near.latitude(), near.longitude(), near.radiusKm());
        // Every box spans the same latitudes; they differ only in longitude.
        double maxLat = boxes.get(0).maxLat();
        List<Nearby> found = new ArrayList<>();
        for (int i = locations.firstAtOrAbove(boxes.get(0).minLat()); i < locations.size(); i++) {
            double lat = locations.latitudes[i];
            if (lat > maxLat) {
                break;
            }
            double lon = locations.longitudes[i];
            if ((locations.admitted[i] & wanted) == wanted && inAny(boxes, lon)) {
                double distance = distanceKm(near.latitude(), near.longitude(), lat, lon);
                if (distance <= near.radiusKm()) {
                    found.add(new Nearby(locations.seqs[i], distance));
                }
            }
        }
        return found;
    }

    /** The keys of {@code venues} as a JSON array, for {@code json_each} in SQL. */
    public static String keys(List<Nearby> venues) {
        return Json.text(venues.stream().map(Nearby::seq).toList());
    }

    /** Great-circle distance by the haversine formula, on a sphere of {@link GeoBox#EARTH_RADIUS_KM}. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double sinHalfLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
        double sinHalfLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double a = sinHalfLat * sinHalfLat
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * sinHalfLon * sinHalfLon;
        return 2 * GeoBox.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static boolean inAny(List<GeoBox> boxes, double lon) {
        for (GeoBox box : boxes) {
            if (lon >= box.minLon() && lon <= box.maxLon()) {
                return true;
            }
        }
        return false;
    }

    private Snapshot current() {
        if (db.inWrite()) {
            return read(-1);
        }
        long writes = db.writesTo(READS);
        Snapshot locations = kept;
        if (locations.writes == writes) {
            return locations;
        }
        synchronized (this) {
            writes = db.writesTo(READS);
            if (kept.writes != writes) {
                kept = read(writes);
            }
            return kept;
        }
    }

    private Snapshot read(long writes) {
        return db.read(handle -> handle.createQuery("""
                SELECT seq, latitude, longitude, pets_dog, pets_cat, pets_other FROM venues ORDER BY latitude""")
            .reduceResultSet(new Builder(), (builder, rs, ctx) -> {
                int admits = (rs.getBoolean(4) ? bit(Species.dog) : 0) | (rs.getBoolean(5) ? bit(Species.cat) : 0)
                    | (rs.getBoolean(6) ? bit(Species.other) : 0);
                builder.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), (byte) admits);
                return builder;
            }))
            .build(writes);
    }

    private static int bit(Species species) {
        return 1 << species.ordinal();
    }

    private static final class Builder {
        private long[] seqs = new long[1024];
        private double[] latitudes = new double[1024];
        private double[] longitudes = new double[1024];
        private byte[] admitted = new byte[1024];
        private int size;

        void add(long seq, double latitude, double longitude, byte admits) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                latitudes = Arrays.copyOf(latitudes, size * 2);
                longitudes = Arrays.copyOf(longitudes, size * 2);
                admitted = Arrays.copyOf(admitted, size * 2);
            }
            seqs[size] = seq;
            latitudes[size] = latitude;
            longitudes[size] = longitude;
            admitted[size] = admits;
            size++;
        }

        Snapshot build(long writes) {
            return new Snapshot(writes, Arrays.copyOf(seqs, size), Arrays.copyOf(latitudes, size),
                Arrays.copyOf(longitudes, size), Arrays.copyOf(admitted, size));
        }
    }

    /**
     * The locations as of {@code writes} ({@link Database#writesTo}), in order of latitude, with a bit for each
     * species a venue admits.
     */
    private record Snapshot(long writes, long[] seqs, double[] latitudes, double[] longitudes, byte[] admitted) {
        int size() {
            return seqs.length;
        }

        int firstAtOrAbove(double latitude) {
            int low = 0;
            int high = latitudes.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (latitudes[middle] < latitude) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
