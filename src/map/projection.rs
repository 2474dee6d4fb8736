//! The map projection and distances on the globe.
//!
//! Lambert conformal conic on the sphere, standard parallels 35°N and 65°N,
//! centred on 25°E, 50°N: conformal (shapes of small areas are kept) and with a
//! scale error under 6 % between 35°N and 72°N, which suits Europe from Gibraltar
//! to the North Cape. Projected coordinates are kilometres east (`x`) and north
//! (`y`) of the centre. Distances are never measured on the projection: see
//! [`distance_km`].
//!
//! This file is also compiled into `build.rs` (which projects the geodata once),
//! so it depends on nothing but `std`. The formulas are Snyder's (USGS
//! Professional Paper 1395, 1987, eq. 15-1 to 15-5, 14-4, 15-8 to 15-10); they are
//! a dozen lines, so no projection crate (PROJ needs a C library) is pulled in.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4};

/// Mean Earth radius, km (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
/// First standard parallel, degrees north.
pub const PARALLEL_1: f64 = 35.0;
/// Second standard parallel, degrees north.
pub const PARALLEL_2: f64 = 65.0;
/// Central meridian, degrees east.
pub const CENTRAL_MERIDIAN: f64 = 25.0;
/// Latitude of the origin, degrees north.
pub const ORIGIN_LATITUDE: f64 = 50.0;

/// The constants of the cone: `n` (cone constant), `R·F`, and `ρ0` (radius of
/// the origin's parallel).
fn cone() -> (f64, f64, f64) {
    let (p1, p2) = (PARALLEL_1.to_radians(), PARALLEL_2.to_radians());
    let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
    let n = (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln();
    let rf = EARTH_RADIUS_KM * p1.cos() * t(p1).powf(n) / n;
    let rho0 = rf / t(ORIGIN_LATITUDE.to_radians()).powf(n);
    (n, rf, rho0)
}

/// Projects longitude/latitude (degrees) to map kilometres `[x east, y north]`.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let (n, rf, rho0) = cone();
    // Keep away from the pole, where ρ → 0 and the inverse is undefined.
    let lat = lat.clamp(-89.0, 89.9);
    let rho = rf / (FRAC_PI_4 + lat.to_radians() / 2.0).tan().powf(n);
    let mut dlon = lon - CENTRAL_MERIDIAN;
    if dlon > 180.0 {
        dlon -= 360.0;
    } else if dlon < -180.0 {
        dlon += 360.0;
    }
    let theta = n * dlon.to_radians();
    [rho * theta.sin(), rho0 - rho * theta.cos()]
}

/// Map kilometres back to longitude/latitude (degrees).
pub fn unproject(x: f64, y: f64) -> [f64; 2] {
    let (n, rf, rho0) = cone();
    let dy = rho0 - y;
    let rho = n.signum() * x.hypot(dy);
    let theta = (n.signum() * x).atan2(n.signum() * dy);
    let lat = 2.0 * (rf / rho).powf(1.0 / n).atan() - FRAC_PI_2;
    [
        CENTRAL_MERIDIAN + (theta / n).to_degrees(),
        lat.to_degrees(),
    ]
}

/// Scale factor of the projection at a latitude (1 on the standard parallels).
pub fn scale_factor(lat: f64) -> f64 {
    let (n, rf, _) = cone();
    let p = lat.to_radians();
    let rho = rf / (FRAC_PI_4 + p / 2.0).tan().powf(n);
    rho * n / (EARTH_RADIUS_KM * p.cos())
}

/// Great-circle distance between two points (degrees), km, by the haversine
/// formula on the mean-radius sphere (within 0.5 % of the ellipsoid).
pub fn distance_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (la1, la2) = (a[1].to_radians(), b[1].to_radians());
    let dla = la2 - la1;
    let dlo = (b[0] - a[0]).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The point `distance` km from `from` (degrees) along the initial bearing
/// `bearing` (degrees clockwise from north), on the sphere.
pub fn destination(from: [f64; 2], bearing: f64, distance: f64) -> [f64; 2] {
    let d = distance / EARTH_RADIUS_KM;
    let (lat1, lon1, brg) = (
        from[1].to_radians(),
        from[0].to_radians(),
        bearing.to_radians(),
    );
    let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * brg.cos()).asin();
    let lon2 = lon1 + (brg.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
    [lon2.to_degrees(), lat2.to_degrees()]
}

/// The point a fraction `t` (0 to 1) of the way along the great circle from `a`
/// to `b` (degrees).
pub fn intermediate(a: [f64; 2], b: [f64; 2], t: f64) -> [f64; 2] {
    let to_xyz = |p: [f64; 2]| {
        let (lon, lat) = (p[0].to_radians(), p[1].to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (u, v) = (to_xyz(a), to_xyz(b));
    let dot = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).clamp(-1.0, 1.0);
    let omega = dot.acos();
    if omega < 1e-12 {
        return a;
    }
    let (sa, sb) = (
        ((1.0 - t) * omega).sin() / omega.sin(),
        (t * omega).sin() / omega.sin(),
    );
    let p = [
        sa * u[0] + sb * v[0],
        sa * u[1] + sb * v[1],
        sa * u[2] + sb * v[2],
    ];
    [
        p[1].atan2(p[0]).to_degrees(),
        p[2].atan2(p[0].hypot(p[1])).to_degrees(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TALLINN: [f64; 2] = [24.7536, 59.4370];
    const HELSINKI: [f64; 2] = [24.9384, 60.1699];
    const WARSAW: [f64; 2] = [21.0122, 52.2297];
    const KYIV: [f64; 2] = [30.5234, 50.4501];

    #[test]
    fn known_distances() {
        let th = distance_km(TALLINN, HELSINKI);
        assert!((th - 82.0).abs() < 3.0, "Tallinn–Helsinki {th}");
        let wk = distance_km(WARSAW, KYIV);
        assert!((wk - 690.0).abs() < 10.0, "Warsaw–Kyiv {wk}");
        // London–Paris ≈ 344 km, Berlin–Moscow ≈ 1 608 km.
        let lp = distance_km([-0.1276, 51.5072], [2.3522, 48.8566]);
        assert!((lp - 344.0).abs() < 5.0, "London–Paris {lp}");
        let bm = distance_km([13.405, 52.52], [37.6173, 55.7558]);
        assert!((bm - 1608.0).abs() < 15.0, "Berlin–Moscow {bm}");
    }

    #[test]
    fn origin_and_central_meridian() {
        let [x, y] = project(CENTRAL_MERIDIAN, ORIGIN_LATITUDE);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        // North along the central meridian is straight up.
        let [x, y] = project(CENTRAL_MERIDIAN, 60.0);
        assert!(x.abs() < 1e-9 && y > 1000.0);
        // West of the centre is left, east is right.
        assert!(project(-0.13, 51.5)[0] < -1000.0);
        assert!(project(37.6, 55.8)[0] > 600.0);
    }

    #[test]
    fn known_projected_point() {
        // Moscow, computed independently (Python, Snyder 1987 eq. 15-1 to 15-5):
        // n = 0.775289, F = 1.752723 for 35°/65°, x = 761.49 km, y = 683.79 km.
        let [x, y] = project(37.6173, 55.7558);
        assert!((x - 761.49).abs() < 0.05, "x {x}");
        assert!((y - 683.79).abs() < 0.05, "y {y}");
    }

    #[test]
    fn scale_is_true_on_standard_parallels() {
        assert!((scale_factor(PARALLEL_1) - 1.0).abs() < 1e-9);
        assert!((scale_factor(PARALLEL_2) - 1.0).abs() < 1e-9);
        assert!(scale_factor(50.0) < 1.0 && scale_factor(50.0) > 0.94);
        // A short east–west step on 65°N measures the same on the map and the globe.
        let (a, b) = ([20.0, 65.0], [20.1, 65.0]);
        let (pa, pb) = (project(a[0], a[1]), project(b[0], b[1]));
        let on_map = (pa[0] - pb[0]).hypot(pa[1] - pb[1]);
        assert!((on_map / distance_km(a, b) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn inverse_round_trips() {
        for &(lon, lat) in &[(-10.0, 35.0), (60.0, 72.0), (24.9, 60.2), (-75.7, 45.4)] {
            let [x, y] = project(lon, lat);
            let [lo, la] = unproject(x, y);
            assert!(
                (lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9,
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn destination_and_intermediate_agree_with_distance() {
        let p = destination(WARSAW, 90.0, 300.0);
        assert!((distance_km(WARSAW, p) - 300.0).abs() < 1e-6);
        let mid = intermediate(WARSAW, KYIV, 0.5);
        let (d1, d2) = (distance_km(WARSAW, mid), distance_km(mid, KYIV));
        assert!((d1 - d2).abs() < 1e-6);
    }
}
