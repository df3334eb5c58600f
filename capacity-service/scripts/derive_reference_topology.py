#!/usr/bin/env python3
"""Derives src/main/resources/topology/reference_locations.csv from the shared reference data.

Usage: scripts/derive_reference_topology.py <reference-data dir>   (run from capacity-service/)

The care each location offers (docs/services/capacity-service.md, "Reference topology"):
  - Academisch ziekenhuis: all seven kinds (SEH, SR, CTT, EHH, CCU, PCI, VERLOSKUNDE);
  - Algemeen ziekenhuis: SEH, SR, CTT, EHH, CCU, VERLOSKUNDE, and PCI when crc32(location id) % 3 == 0 (stable,
    about one in three); then, per safety region, every kind some location there offers gets at least two providers:
    a region with exactly one PCI provider gives PCI to its general hospital with the lowest crc32(id);
  - VERLOSKUNDE (acute obstetric care, the presentatiestop's kind) goes with SEH: nearly every Dutch hospital with an
    emergency department has an obstetric unit, and the reference data does not say which lack one;
  - Kinderziekenhuis and Buitenpolikliniek: none.
"""
import csv
import sys
import zlib
from collections import defaultdict

# in CareKind's order: care_offered lists them so
ALL = ["SEH", "SR", "CTT", "EHH", "CCU", "PCI", "VERLOSKUNDE"]
GENERAL = ["SEH", "SR", "CTT", "EHH", "CCU", "VERLOSKUNDE"]
TYPE_FIX = {"kinderziekenhuis": "Kinderziekenhuis", "Buitenpoliklniek": "Buitenpolikliniek"}


def stable(location_id):
    return zlib.crc32(location_id.encode("utf-8"))


def main(ref):
    roaz = {r["safety_region_code"]: r["roaz_region_code"]
            for r in csv.DictReader(open(f"{ref}/roaz_regions_by_safety_region.csv", encoding="utf-8"))}
    rows = list(csv.DictReader(open(f"{ref}/hospital_locations_nl_2016.csv", encoding="utf-8")))
    successor = {"Delfzijl": "VR01", "Bedum": "VR01", "Haren": "VR01", "Cromstrijen": "VR18", "Leerdam": "VR09"}
    out = []
    for r in rows:
        kind = TYPE_FIX.get(r["soort.ziekenhuis"], r["soort.ziekenhuis"])
        vr = r["derived_safety_region_code"] or successor[r["derived_municipality_name_2017"]]
        if kind == "Academisch ziekenhuis":
            care = list(ALL)
        elif kind == "Algemeen ziekenhuis":
            care = list(GENERAL) + (["PCI"] if stable(r["ziekenhuisnummer"]) % 3 == 0 else [])
        else:
            care = []
        out.append({"location_id": r["ziekenhuisnummer"], "organisation_id": r["organisatienummer"],
                    "name": r["naam.ziekenhuis"], "location_type": kind, "safety_region_id": vr,
                    "roaz_region_id": roaz[vr], "latitude": r["lat"], "longitude": r["lon"], "care": care})
    by_vr = defaultdict(list)
    for o in out:
        by_vr[o["safety_region_id"]].append(o)
    for vr, locs in sorted(by_vr.items()):
        for kind in ALL:
            providers = [o for o in locs if kind in o["care"]]
            if len(providers) == 1:
                candidates = sorted((o for o in locs if o["location_type"] == "Algemeen ziekenhuis"
                                     and kind not in o["care"]), key=lambda o: stable(o["location_id"]))
                if candidates:
                    candidates[0]["care"].append(kind)
                else:
                    sys.exit(f"{vr}: only one provider of {kind} and nobody to add")
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["location_id", "organisation_id", "name", "location_type", "safety_region_id", "roaz_region_id",
                "latitude", "longitude", "care_offered"])
    for o in out:
        care = " ".join(k for k in ALL if k in o["care"])
        w.writerow([o["location_id"], o["organisation_id"], o["name"], o["location_type"], o["safety_region_id"],
                    o["roaz_region_id"], o["latitude"], o["longitude"], care])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../shared/reference-data")
