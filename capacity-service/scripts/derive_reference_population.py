#!/usr/bin/env python3
"""Derives capacity-service/src/main/resources/topology/reference_population.csv from ../shared/reference-data/.

Every PC4 area of population_pc4_2021.csv (CBS, 1 January 2021, CC BY 4.0) gets the veiligheidsregio whose 2023
boundary (safety_regions_2023.topojson, CBS / PDOK, CC BY 4.0) contains its point, and that region's ROAZ region
(roaz_regions_by_safety_region.csv). A point on no polygon (the generalised boundaries cut some coastal and border
areas) takes the region of the nearest boundary vertex; the script prints how many did. Run it again when the
reference data changes:

    python3 capacity-service/scripts/derive_reference_population.py ../shared/reference-data
"""
import csv
import json
import math
import os
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared',
                                                            'reference-data')
out = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'topology',
                   'reference_population.csv')

topo = json.load(open(os.path.join(ref, 'safety_regions_2023.topojson')))
sx, sy = topo['transform']['scale']
tx, ty = topo['transform']['translate']


def decode(arc):
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    return pts


arcs = [decode(a) for a in topo['arcs']]


def ring(indices):
    pts = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


regions = []  # (vr, [polygon = [outer, holes...]])
for g in topo['objects']['veiligheidsregio_2023']['geometries']:
    polys = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
    regions.append((g['properties']['statcode'], [[ring(r) for r in p] for p in polys]))


def inside(lon, lat, pts):
    c = False
    j = len(pts) - 1
    for i in range(len(pts)):
        xi, yi = pts[i]
        xj, yj = pts[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            c = not c
        j = i
    return c


def region_of(lon, lat):
    for vr, polys in regions:
        for p in polys:
            if inside(lon, lat, p[0]) and not any(inside(lon, lat, h) for h in p[1:]):
                return vr, False
    best, dist = None, math.inf
    for vr, polys in regions:
        for p in polys:
            for x, y in p[0]:
                d = (x - lon) ** 2 + ((y - lat) * 1.6) ** 2
                if d < dist:
                    best, dist = vr, d
    return best, True


roaz_of = {r['safety_region_code']: r['roaz_region_code'] for r in
           csv.DictReader(open(os.path.join(ref, 'roaz_regions_by_safety_region.csv')))}

rows, nearest, total = [], 0, 0
for r in csv.DictReader(open(os.path.join(ref, 'population_pc4_2021.csv'))):
    lat, lon = float(r['lat']), float(r['lon'])
    vr, near = region_of(lon, lat)
    nearest += near
    total += int(r['population'])
    rows.append([r['pc4'], r['place'], r['municipality'], r['population'], r['lat'], r['lon'], vr, roaz_of[vr]])

with open(out, 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['pc4', 'place', 'municipality', 'population', 'lat', 'lon', 'safety_region_id', 'roaz_region_id'])
    w.writerows(rows)
print(f'{len(rows)} areas, population {total}, {nearest} placed by the nearest boundary', file=sys.stderr)
