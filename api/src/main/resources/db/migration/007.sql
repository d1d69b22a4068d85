-- 007: venues near a point are found in memory (VenueLocations), which reads venues.latitude and longitude;
-- the R*Tree of their coordinates is no longer read.

DROP TABLE venue_locations;
