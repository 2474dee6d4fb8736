//! The map's cached base mesh cut into tiles, each drawn clipped to its own
//! rectangle, so that egui copies only the tiles on screen into each frame.
//!
//! The base mesh covers the view and half a view on every side (so a pan only
//! moves it), four times the screen. egui copies a whole mesh into its output
//! every frame unless the mesh's bounds miss the clip rectangle, so one mesh
//! meant copying four screens of triangles to show one. Cut into a grid, only
//! the tiles that touch the screen are copied.
//!
//! A triangle that crosses a tile edge goes into every tile its bounds touch,
//! and each tile is clipped to its own rectangle: inside any tile, every
//! triangle that can reach it is there, in the original order, so fills stay
//! under strokes and the picture is the same as the single mesh's. (No crate
//! cuts an epaint mesh; this is a few lines of index bookkeeping.)

use std::sync::Arc;

use egui::{Mesh, Painter, Rect, Shape, Vec2, pos2};

/// Tiles per side of the grid over the cached area. The area is two views
/// wide and centred on the view it was made for, so a tile is a quarter of a
/// view and tile edges fall on the screen's edges: that view is exactly the
/// middle 4 × 4 tiles, and once panned at most 5 × 5 touch the screen. (With
/// 6 tiles a side, edges fell mid-tile and 4 × 4 tiles of a third of a view
/// each were copied to show one view: 1.8 views of triangles.)
pub const TILES_PER_SIDE: usize = 8;

/// One tile: the part of the base mesh that reaches `rect`.
#[derive(Clone, Debug)]
pub struct Tile {
    /// The tile's rectangle; the mesh is drawn clipped to it.
    pub rect: Rect,
    /// Every triangle whose bounds touch `rect`, in the base mesh's order.
    pub mesh: Arc<Mesh>,
}

/// Cuts `mesh` into a `per_side` × `per_side` grid over `area`; tiles no
/// triangle reaches are left out. Edges fall on whole points so that neighbouring
/// clip rectangles meet exactly.
pub fn cut(mesh: &Mesh, area: Rect, per_side: usize) -> Vec<Tile> {
    let edges_x = edges(area.min.x, area.max.x, per_side);
    let edges_y = edges(area.min.y, area.max.y, per_side);
    let mut meshes: Vec<Mesh> = (0..per_side * per_side).map(|_| Mesh::default()).collect();
    // Per tile, the new index of each base vertex already copied into it.
    let mut remap: Vec<Vec<u32>> = vec![Vec::new(); per_side * per_side];
    for triangle in triangles(&mesh.indices) {
        let bounds = Rect::from_points(&triangle.map(|i| mesh.vertices[i as usize].pos));
        for row in span(&edges_y, bounds.min.y, bounds.max.y) {
            for col in span(&edges_x, bounds.min.x, bounds.max.x) {
                let t = row * per_side + col;
                copy_triangle(mesh, &triangle, &mut meshes[t], &mut remap[t]);
            }
        }
    }
    let mut tiles = Vec::new();
    for (t, tile_mesh) in meshes.into_iter().enumerate() {
        if tile_mesh.is_empty() {
            continue;
        }
        let (row, col) = (t / per_side, t % per_side);
        let rect = Rect::from_min_max(
            pos2(edges_x[col], edges_y[row]),
            pos2(edges_x[col + 1], edges_y[row + 1]),
        );
        tiles.push(Tile {
            rect,
            mesh: Arc::new(tile_mesh),
        });
    }
    tiles
}

/// The tiles moved by `offset` (a pan within the cached area).
pub fn translated(tiles: &[Tile], offset: Vec2) -> Vec<Tile> {
    tiles
        .iter()
        .map(|tile| {
            let mut mesh = (*tile.mesh).clone();
            mesh.translate(offset);
            Tile {
                rect: tile.rect.translate(offset),
                mesh: Arc::new(mesh),
            }
        })
        .collect()
}

/// Paints each tile clipped to its rectangle (and to the painter's own clip),
/// leaving out the tiles off the painter's area (egui would otherwise measure
/// each of their meshes every frame to find that out).
pub fn paint(painter: &Painter, tiles: &[Tile]) {
    for tile in tiles {
        if painter.clip_rect().intersects(tile.rect) {
            painter
                .with_clip_rect(tile.rect)
                .add(Shape::mesh(tile.mesh.clone()));
        }
    }
}

/// `per_side + 1` edges from `min` to `max`, the inner ones on whole points.
fn edges(min: f32, max: f32, per_side: usize) -> Vec<f32> {
    let step = (max - min) / per_side as f32;
    let mut edges: Vec<f32> = (0..=per_side)
        .map(|i| (min + step * i as f32).round())
        .collect();
    edges[0] = f32::NEG_INFINITY; // the outer tiles take whatever lies beyond
    edges[per_side] = f32::INFINITY;
    edges
}

/// The cells between consecutive `edges` that the interval `lo..=hi` touches.
fn span(edges: &[f32], lo: f32, hi: f32) -> std::ops::RangeInclusive<usize> {
    let cells = edges.len() - 1;
    let first = edges[1..].partition_point(|&e| e < lo).min(cells - 1);
    let last = edges[1..cells].partition_point(|&e| e <= hi).min(cells - 1);
    first..=last
}

/// The mesh's triangles as triples of vertex indices.
fn triangles(indices: &[u32]) -> impl Iterator<Item = [u32; 3]> + '_ {
    indices.chunks_exact(3).map(|t| [t[0], t[1], t[2]])
}

fn copy_triangle(from: &Mesh, triangle: &[u32; 3], to: &mut Mesh, remap: &mut Vec<u32>) {
    if remap.is_empty() {
        remap.resize(from.vertices.len(), u32::MAX);
    }
    for &i in triangle {
        let new = &mut remap[i as usize];
        if *new == u32::MAX {
            *new = to.vertices.len() as u32;
            to.vertices.push(from.vertices[i as usize]);
        }
        to.indices.push(*new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, vec2};

    /// A mesh of `n` × `n` unit squares (two triangles each) over `0..n`.
    fn grid(n: usize) -> Mesh {
        let mut mesh = Mesh::default();
        for y in 0..n {
            for x in 0..n {
                let r = Rect::from_min_size(pos2(x as f32, y as f32), vec2(1.0, 1.0));
                mesh.add_colored_rect(r, Color32::WHITE);
            }
        }
        mesh
    }

    #[test]
    fn every_triangle_lands_in_each_tile_it_touches_and_nowhere_else() {
        let mesh = grid(12);
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(12.0, 12.0));
        let tiles = cut(&mesh, area, 3);
        assert_eq!(tiles.len(), 9);
        // Squares inside a tile belong to it alone; squares on an edge (x or y
        // in 3..=5 touches the edge at 4, etc.) are in both neighbours.
        let total: usize = tiles.iter().map(|t| t.mesh.indices.len() / 3).sum();
        assert!(total > mesh.indices.len() / 3, "edge triangles are shared");
        for tile in &tiles {
            for tri in triangles(&tile.mesh.indices) {
                let b = Rect::from_points(&tri.map(|i| tile.mesh.vertices[i as usize].pos));
                assert!(
                    b.intersects(tile.rect) || tile.rect.contains_rect(b),
                    "{b:?} in {:?}",
                    tile.rect
                );
            }
        }
        // Every base triangle is somewhere.
        let centres: Vec<_> = tiles
            .iter()
            .flat_map(|t| {
                triangles(&t.mesh.indices).map(|tri| {
                    let p = tri.map(|i| t.mesh.vertices[i as usize].pos.to_vec2());
                    ((p[0] + p[1] + p[2]) / 3.0 * 3.0).round()
                })
            })
            .collect();
        for tri in triangles(&mesh.indices) {
            let p = tri.map(|i| mesh.vertices[i as usize].pos.to_vec2());
            let c = ((p[0] + p[1] + p[2]) / 3.0 * 3.0).round();
            assert!(centres.contains(&c), "triangle at {c:?} lost");
        }
    }

    #[test]
    fn tiles_cover_the_area_edge_to_edge_and_move_with_a_pan() {
        let mesh = grid(12);
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(12.0, 12.0));
        let tiles = cut(&mesh, area, 3);
        let inner: Vec<f32> = tiles.iter().map(|t| t.rect.min.x).collect();
        assert!(inner.contains(&4.0) && inner.contains(&8.0), "{inner:?}");
        let moved = translated(&tiles, vec2(5.0, -2.0));
        let a = tiles[4].mesh.vertices[0].pos;
        let b = moved[4].mesh.vertices[0].pos;
        assert_eq!(b - a, vec2(5.0, -2.0));
        assert_eq!(moved[4].rect, tiles[4].rect.translate(vec2(5.0, -2.0)));
    }

    #[test]
    fn an_empty_mesh_gives_no_tiles() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(10.0, 10.0));
        assert!(cut(&Mesh::default(), area, 4).is_empty());
    }
}
