<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HistogramView</name>
    <message>
        <source>Histogram of map values (log scale). Click or drag to set the contour level.</source>
        <translation>Histogramm der Kartenwerte (logarithmisch). Klicken oder ziehen, um die Konturhöhe zu setzen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cryoscape</source>
        <translation>Cryoscape</translation>
    </message>
    <message>
        <source>Contour level</source>
        <translation>Konturhöhe</translation>
    </message>
    <message>
        <source>No map open — File → Open Map… or drop an .mrc file here</source>
        <translation>Keine Karte geöffnet — Datei → Karte öffnen… oder eine .mrc-Datei hierher ziehen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Map…</source>
        <translation>Karte ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a density map (.mrc, .map)</source>
        <translation>Eine Dichtekarte öffnen (.mrc, .map)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset Camera</source>
        <translation>Kamera &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Background</source>
        <translation>&amp;Hintergrund</translation>
    </message>
    <message>
        <source>Dark blue</source>
        <translation>Dunkelblau</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>Show &amp;Outline</source>
        <translation>&amp;Umriss anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Axes</source>
        <translation>&amp;Achsen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Cryoscape</source>
        <translation>&amp;Über Cryoscape</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Cannot open map</source>
        <translation>Karte kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — Cryoscape</source>
        <translation>%1 — Cryoscape</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 voxels · %4 Å/voxel</source>
        <translation>%1 × %2 × %3 Voxel · %4 Å/Voxel</translation>
    </message>
    <message>
        <source>Level %1 (%2 σ) · enclosed volume %3 Å³</source>
        <translation>Höhe %1 (%2 σ) · eingeschlossenes Volumen %3 Å³</translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <source>Maps (*.mrc *.map *.mrcs);;All files (*)</source>
        <translation>Karten (*.mrc *.map *.mrcs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Background Colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <source>About Cryoscape</source>
        <translation>Über Cryoscape</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cryoscape %1&lt;/h3&gt;&lt;p&gt;Exploring structural heterogeneity in cryo-EM data.&lt;/p&gt;&lt;p&gt;Built with Qt %2, VTK, FFTW3, Eigen, HDF5 and LibTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cryoscape %1&lt;/h3&gt;&lt;p&gt;Strukturelle Heterogenität in Kryo-EM-Daten erkunden.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, VTK, FFTW3, Eigen, HDF5 und LibTorch.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>(no recent files)</source>
        <translation>(keine zuletzt geöffneten Dateien)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>ThresholdPanel</name>
    <message>
        <source>Contour level within the map&apos;s value range</source>
        <translation>Konturhöhe im Wertebereich der Karte</translation>
    </message>
    <message>
        <source>Contour level in the map&apos;s own units</source>
        <translation>Konturhöhe in den Einheiten der Karte</translation>
    </message>
    <message>
        <source> σ</source>
        <translation> σ</translation>
    </message>
    <message>
        <source>Contour level in standard deviations above the mean</source>
        <translation>Konturhöhe in Standardabweichungen über dem Mittelwert</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Above mean:</source>
        <translation>Über Mittelwert:</translation>
    </message>
    <message>
        <source>Range %1 … %2, mean %3, σ %4</source>
        <translation>Bereich %1 … %2, Mittelwert %3, σ %4</translation>
    </message>
</context>
<context>
    <name>VolumeViewer</name>
    <message>
        <source>The 3D view is not available: %1

Maps can still be opened, measured and exported.</source>
        <translation>Die 3D-Ansicht ist nicht verfügbar: %1

Karten können trotzdem geöffnet, vermessen und exportiert werden.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Print the header summary of a map or particle stack</source>
        <translation>Kopfdaten einer Karte oder eines Partikelstapels ausgeben</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>particle stack</source>
        <translation>Partikelstapel</translation>
    </message>
    <message>
        <source>map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>File:        %1 (%2)
</source>
        <translation>Datei:       %1 (%2)
</translation>
    </message>
    <message>
        <source>Images:      %1 of %2 x %3 pixels
</source>
        <translation>Bilder:      %1 zu %2 x %3 Pixeln
</translation>
    </message>
    <message>
        <source>Dimensions:  %1 x %2 x %3 voxels
</source>
        <translation>Abmessungen: %1 x %2 x %3 Voxel
</translation>
    </message>
    <message>
        <source>Mode:        %1
</source>
        <translation>Modus:       %1
</translation>
    </message>
    <message>
        <source>Pixel size:  %1 Å
</source>
        <translation>Pixelgröße:  %1 Å
</translation>
    </message>
    <message>
        <source>Pixel size:  not set in the header (cell is 0)
</source>
        <translation>Pixelgröße:  im Kopf nicht gesetzt (Zelle ist 0)
</translation>
    </message>
    <message>
        <source>Origin:      %1, %2, %3 Å
</source>
        <translation>Ursprung:    %1, %2, %3 Å
</translation>
    </message>
    <message>
        <source>Min / max:   %1 / %2
</source>
        <translation>Min / Max:   %1 / %2
</translation>
    </message>
    <message>
        <source>Mean / rms:  %1 / %2
</source>
        <translation>Mittel / rms: %1 / %2
</translation>
    </message>
    <message>
        <source>Extended header: %1 bytes (skipped)
</source>
        <translation>Erweiterter Kopf: %1 Bytes (übersprungen)
</translation>
    </message>
    <message>
        <source>Byte order:  big-endian
</source>
        <translation>Bytefolge:   Big-Endian
</translation>
    </message>
    <message>
        <source>Print the header summary of a map (.mrc) or particle stack (.mrcs).</source>
        <translation>Kopfdaten einer Karte (.mrc) oder eines Partikelstapels (.mrcs) ausgeben.</translation>
    </message>
    <message>
        <source>User interface language (e.g. de, en).</source>
        <translation>Sprache der Oberfläche (z. B. de, en).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>An .mrc or .mrcs file.</source>
        <translation>Eine .mrc- oder .mrcs-Datei.</translation>
    </message>
    <message>
        <source>FILE...</source>
        <translation>DATEI...</translation>
    </message>
    <message>
        <source>info: no file given.</source>
        <translation>info: keine Datei angegeben.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>
Headless commands (cryoscape &lt;command&gt; --help):
</source>
        <translation>
Befehle ohne Oberfläche (cryoscape &lt;Befehl&gt; --help):
</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1</source>
        <translation>Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cryoscape — explore structural heterogeneity in cryo-EM data.</source>
        <translation>Cryoscape — strukturelle Heterogenität in Kryo-EM-Daten erkunden.</translation>
    </message>
    <message>
        <source>Render the window to PATH (PNG) and exit.</source>
        <translation>Das Fenster als PNG nach PFAD schreiben und beenden.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>User interface language (e.g. de, en).</source>
        <translation>Sprache der Oberfläche (z. B. de, en).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>KÜRZEL</translation>
    </message>
    <message>
        <source>Show the built-in demo map.</source>
        <translation>Die eingebaute Demokarte zeigen.</translation>
    </message>
    <message>
        <source>Maps to open (.mrc).</source>
        <translation>Zu öffnende Karten (.mrc).</translation>
    </message>
    <message>
        <source>Demo map</source>
        <translation>Demokarte</translation>
    </message>
</context>
</TS>
