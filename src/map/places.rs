//! Capitals and key cities shown on the map, with the Suwałki gap.

/// A city on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct City {
    /// Name as written on the map (English exonym).
    pub name: &'static str,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
    /// The country it is in (ISO alpha-3).
    pub country: &'static str,
    /// Whether it is a national capital (drawn larger, labelled first).
    pub capital: bool,
}

const fn city(
    name: &'static str,
    lon: f64,
    lat: f64,
    country: &'static str,
    capital: bool,
) -> City {
    City {
        name,
        lon,
        lat,
        country,
        capital,
    }
}

/// The cities on the map, most important first: labels are placed in this order
/// and skipped where they would overlap one already placed. Coordinates are the
/// city centres, nudged by up to 5 km where the 1:50m coastline or border leaves
/// them outside their country (Stockholm, Murmansk, Narva).
pub const CITIES: &[City] = &[
    city("Kyiv", 30.52, 50.45, "UKR", true),
    city("Moscow", 37.62, 55.76, "RUS", true),
    city("Warsaw", 21.01, 52.23, "POL", true),
    city("Minsk", 27.56, 53.90, "BLR", true),
    city("Vilnius", 25.28, 54.69, "LTU", true),
    city("Riga", 24.11, 56.95, "LVA", true),
    city("Tallinn", 24.75, 59.43, "EST", true),
    city("Helsinki", 24.94, 60.19, "FIN", true),
    city("Stockholm", 18.07, 59.30, "SWE", true),
    city("Oslo", 10.75, 59.92, "NOR", true),
    city("Berlin", 13.40, 52.52, "DEU", true),
    city("Paris", 2.35, 48.86, "FRA", true),
    city("London", -0.13, 51.51, "GBR", true),
    city("Kaliningrad", 20.51, 54.71, "RUS", false),
    city("St Petersburg", 30.32, 59.94, "RUS", false),
    city("Kharkiv", 36.23, 49.99, "UKR", false),
    city("Odesa", 30.72, 46.48, "UKR", false),
    city("Dnipro", 35.05, 48.46, "UKR", false),
    city("Zaporizhzhia", 35.14, 47.84, "UKR", false),
    city("Donetsk", 37.80, 48.00, "UKR", false),
    city("Luhansk", 39.31, 48.57, "UKR", false),
    city("Sevastopol", 33.53, 44.60, "UKR", false),
    city("Lviv", 24.03, 49.84, "UKR", false),
    city("Chișinău", 28.86, 47.01, "MDA", true),
    city("Bucharest", 26.10, 44.43, "ROU", true),
    city("Copenhagen", 12.50, 55.68, "DNK", true),
    city("Amsterdam", 4.90, 52.37, "NLD", true),
    city("Brussels", 4.35, 50.85, "BEL", true),
    city("Prague", 14.42, 50.09, "CZE", true),
    city("Vienna", 16.37, 48.21, "AUT", true),
    city("Budapest", 19.04, 47.50, "HUN", true),
    city("Bratislava", 17.11, 48.15, "SVK", true),
    city("Rome", 12.50, 41.90, "ITA", true),
    city("Madrid", -3.70, 40.42, "ESP", true),
    city("Ankara", 32.86, 39.93, "TUR", true),
    city("Sofia", 23.32, 42.70, "BGR", true),
    city("Belgrade", 20.46, 44.79, "SRB", true),
    city("Athens", 23.73, 37.98, "GRC", true),
    city("Tbilisi", 44.79, 41.72, "GEO", true),
    city("Bern", 7.45, 46.95, "CHE", true),
    city("Murmansk", 33.08, 69.0, "RUS", false),
    city("Gdańsk", 18.65, 54.35, "POL", false),
    city("Hamburg", 10.00, 53.55, "DEU", false),
    city("Rostov-on-Don", 39.72, 47.23, "RUS", false),
    city("Voronezh", 39.20, 51.67, "RUS", false),
    city("Pskov", 28.33, 57.82, "RUS", false),
    city("Narva", 28.14, 59.38, "EST", false),
    city("Daugavpils", 26.54, 55.87, "LVA", false),
    city("Brest", 23.69, 52.10, "BLR", false),
    city("Hrodna", 23.83, 53.68, "BLR", false),
];

/// The Suwałki gap: the Polish–Lithuanian border between Kaliningrad and Belarus,
/// from the Russian (Kaliningrad) tripoint to the Belarusian tripoint, degrees.
pub const SUWALKI_GAP: [[f64; 2]; 2] = [[22.79, 54.36], [23.50, 53.94]];

/// Where Kaliningrad oblast's note is anchored (its middle), degrees.
pub const KALININGRAD: [f64; 2] = [21.2, 54.75];
