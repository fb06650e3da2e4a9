#!/usr/bin/env python3
"""Derives data/catalog.csv, FerMusic's curated music catalogue, from three public chart tables.

Only facts are kept (title, artist, year, Spotify track id where the source has one, valence 0..1, energy 0..1,
tempo, genre). Songs appearing in several tables are kept once (the Spotify chart's values win, then Top 10s).
The catalogue is balanced over the four valence/energy quadrants, at most two songs per artist per quadrant.

Usage: python3 scripts/build-catalog.py ../shared/data/music data/catalog.csv
"""
import csv
import sys
from pathlib import Path

PER_QUADRANT = 110


def number(text):
    return float(text.replace(",", "").strip())


def spotify_chart(path):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                valence, energy, tempo = number(row["Valence"]), number(row["Energy"]), number(row["Tempo"])
            except (ValueError, KeyError):
                continue  # a few rows have no audio features
            genres = row["Genre"].strip("[]").replace("'", "").split(",")
            year = row["Release Date"].strip()[-4:] if "/" in row["Release Date"] else row["Release Date"][:4]
            yield dict(title=row["Song Name"].strip(), artist=row["Artist"].strip(), year=year,
                       spotify_id=row["Song ID"].strip(), valence=valence, energy=energy, tempo=tempo,
                       genre=genres[0].strip() or "unknown", popularity=number(row["Popularity"] or "0") / 100)


def percent_table(path, delimiter, names):
    with open(path, newline="", encoding="latin-1" if delimiter == "," else "utf-8") as f:
        for row in csv.DictReader(f, delimiter=delimiter):
            try:
                yield dict(title=row[names["title"]].strip(), artist=row[names["artist"]].strip(),
                           year=row[names["year"]].strip(), spotify_id="",
                           valence=number(row[names["valence"]]) / 100, energy=number(row[names["energy"]]) / 100,
                           tempo=number(row[names["tempo"]]), genre=row[names["genre"]].strip() or "unknown",
                           popularity=number(row[names["popularity"]]) / 100)
            except (ValueError, KeyError):
                continue


def main(music, out):
    music = Path(music)
    sources = [
        spotify_chart(music / "spotify_top200_2020_2021.csv"),
        percent_table(music / "top10s.csv", ",", dict(title="title", artist="artist", year="year", valence="val",
                                                       energy="nrgy", tempo="bpm", genre="top genre", popularity="pop")),
        percent_table(music / "Spotify-2000.csv", ";", dict(title="Title", artist="Artist", year="Year",
                                                             valence="Valence", energy="Energy",
                                                             tempo="Beats Per Minute (BPM)", genre="Top Genre",
                                                             popularity="Popularity")),
    ]
    songs = {}
    for source in sources:
        for song in source:
            if not (0 <= song["valence"] <= 1 and 0 <= song["energy"] <= 1 and song["tempo"] > 0 and song["year"].isdigit()):
                continue
            songs.setdefault((song["title"].lower(), song["artist"].lower()), song)

    quadrants = {}
    for song in songs.values():
        quadrants.setdefault((song["valence"] >= 0.5, song["energy"] >= 0.5), []).append(song)
    chosen = []
    for key in sorted(quadrants):
        per_artist = {}
        # Most popular first, but spread over the quadrant: sort by popularity, then keep at most two per artist.
        for song in sorted(quadrants[key], key=lambda s: (-s["popularity"], s["title"])):
            if per_artist.get(song["artist"], 0) >= 2:
                continue
            per_artist[song["artist"]] = per_artist.get(song["artist"], 0) + 1
            chosen.append(song)
            if sum(per_artist.values()) >= PER_QUADRANT:
                break

    chosen.sort(key=lambda s: (s["artist"].lower(), s["title"].lower()))
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["title", "artist", "year", "spotify_id", "valence", "energy", "tempo", "genre"])
        for s in chosen:
            writer.writerow([s["title"], s["artist"], s["year"], s["spotify_id"], f"{s['valence']:.3f}",
                             f"{s['energy']:.3f}", f"{s['tempo']:.0f}", s["genre"]])
    print(f"{len(chosen)} tracks written to {out}; per quadrant (valence>=.5, energy>=.5): "
          + ", ".join(f"{k}: {min(len(v), PER_QUADRANT)}" for k, v in sorted(quadrants.items())))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
