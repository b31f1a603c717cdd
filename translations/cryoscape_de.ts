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
    <message>
        <source>No map open — File → Open Map… or drop an .mrc, .star or .cs file here</source>
        <translation>Keine Karte geöffnet — Datei → Karte öffnen… oder eine .mrc-, .star- oder .cs-Datei hierher ziehen</translation>
    </message>
    <message>
        <source>Open &amp;Particles…</source>
        <translation>&amp;Partikel öffnen…</translation>
    </message>
    <message>
        <source>Open a particle dataset (.star, .cs, .mrcs, .txt) and look at its images</source>
        <translation>Einen Partikeldatensatz öffnen (.star, .cs, .mrcs, .txt) und seine Bilder ansehen</translation>
    </message>
    <message>
        <source>Cannot open particles</source>
        <translation>Partikel können nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Problems in %1</source>
        <translation>Probleme in %1</translation>
    </message>
    <message>
        <source>Open Particles</source>
        <translation>Partikel öffnen</translation>
    </message>
    <message>
        <source>Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)</source>
        <translation>Partikeldatensätze (*.star *.cs *.mrcs *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ParticleMontage</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Page %1 of %2 (images %3–%4 of %5)</source>
        <translation>Seite %1 von %2 (Bilder %3–%4 von %5)</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>Keine Bilder</translation>
    </message>
</context>
<context>
    <name>ParticlesDialog</name>
    <message>
        <source>Particles — %1</source>
        <translation>Partikel — %1</translation>
    </message>
    <message>
        <source>Cannot read particle images</source>
        <translation>Partikelbilder können nicht gelesen werden</translation>
    </message>
    <message>
        <source>The images cannot be shown: some stacks are missing (see Problems).</source>
        <translation>Die Bilder können nicht gezeigt werden: einige Stapel fehlen (siehe Probleme).</translation>
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
        <source>User interface language (e.g. de, en).</source>
        <translation>Sprache der Oberfläche (z. B. de, en).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
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
    <message>
        <source>Summarise a map, particle stack or particle dataset</source>
        <translation>Eine Karte, einen Partikelstapel oder einen Partikeldatensatz zusammenfassen</translation>
    </message>
    <message>
        <source>Simulate a particle dataset with known ground truth</source>
        <translation>Einen Partikeldatensatz mit bekannter Wahrheit simulieren</translation>
    </message>
    <message>
        <source>Downsample a stack or .star dataset by Fourier cropping</source>
        <translation>Einen Stapel oder .star-Datensatz durch Fourier-Beschnitt verkleinern</translation>
    </message>
    <message>
        <source>Downsample particles by Fourier cropping (no aliasing): an .mrcs stack, or a RELION .star file with all its stacks. Writes &lt;name&gt;_D&lt;box&gt;.mrcs (and .star, with pixel size and image size updated and every other column kept) into the output folder.</source>
        <translation>Partikel durch Fourier-Beschnitt verkleinern (ohne Aliasing): einen .mrcs-Stapel oder eine RELION-.star-Datei mit allen Stapeln. Schreibt &lt;Name&gt;_D&lt;Box&gt;.mrcs (und .star, mit angepasster Pixel- und Bildgröße, alle anderen Spalten bleiben erhalten) in den Ausgabeordner.</translation>
    </message>
    <message>
        <source>New box size in pixels (even, at most the current box).</source>
        <translation>Neue Boxgröße in Pixeln (gerade, höchstens die jetzige Box).</translation>
    </message>
    <message>
        <source>BOX</source>
        <translation>BOX</translation>
    </message>
    <message>
        <source>Output folder (created if needed).</source>
        <translation>Ausgabeordner (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Folder to search for the .star file&apos;s stacks by name.</source>
        <translation>Ordner, in dem die Stapel der .star-Datei nach Namen gesucht werden.</translation>
    </message>
    <message>
        <source>An .mrcs stack or a .star file.</source>
        <translation>Ein .mrcs-Stapel oder eine .star-Datei.</translation>
    </message>
    <message>
        <source>INPUT</source>
        <translation>EINGABE</translation>
    </message>
    <message>
        <source>downsample: give one INPUT, -D BOX and --out DIR.</source>
        <translation>downsample: eine EINGABE, -D BOX und --out ORDNER angeben.</translation>
    </message>
    <message>
        <source>Downsampling</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Downsampled %1 images from %2 px (%3 Å/px) to %4 px (%5 Å/px):</source>
        <translation>%1 Bilder von %2 px (%3 Å/px) auf %4 px (%5 Å/px) verkleinert:</translation>
    </message>
    <message>
        <source>Print the header summary of a map (.mrc, .map) or a summary of a particle dataset (.mrcs, .star, .cs, .txt): count, box, pixel size, optics groups, CTF ranges, poses, problems.</source>
        <translation>Kopfdaten einer Karte (.mrc, .map) oder eine Zusammenfassung eines Partikeldatensatzes (.mrcs, .star, .cs, .txt) ausgeben: Anzahl, Box, Pixelgröße, Optikgruppen, CTF-Bereiche, Orientierungen, Probleme.</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>Folder to search for particle stacks by name.</source>
        <translation>Ordner, in dem Partikelstapel nach Namen gesucht werden.</translation>
    </message>
    <message>
        <source>A map, stack, .star, .cs or .txt file.</source>
        <translation>Eine Karte, ein Stapel, eine .star-, .cs- oder .txt-Datei.</translation>
    </message>
    <message>
        <source>simulate: --%1 needs a number, got &apos;%2&apos;</source>
        <translation>simulate: --%1 braucht eine Zahl, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Simulate a particle dataset with known ground truth: a complex of Gaussian pseudo-atoms whose domains move (hinge: 1D, two-hinges: 2D, discrete: compositional states), projected at random poses with CTF, shifts and noise. Writes particles.mrcs, particles.star (RELION 3.1), particles.cs (cryoSPARC), truth.h5 and ground-truth maps (.mrc).</source>
        <translation>Einen Partikeldatensatz mit bekannter Wahrheit simulieren: ein Komplex aus gaußschen Pseudoatomen, dessen Domänen sich bewegen (hinge: 1D, two-hinges: 2D, discrete: Zusammensetzungszustände), in zufälligen Orientierungen projiziert, mit CTF, Verschiebungen und Rauschen. Schreibt particles.mrcs, particles.star (RELION 3.1), particles.cs (cryoSPARC), truth.h5 und Referenzkarten (.mrc).</translation>
    </message>
    <message>
        <source>Number of particles (default 5000).</source>
        <translation>Anzahl der Partikel (Vorgabe 5000).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Box size in pixels, even (default 64).</source>
        <translation>Boxgröße in Pixeln, gerade (Vorgabe 64).</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Pixel size in Å (default 3.0).</source>
        <translation>Pixelgröße in Å (Vorgabe 3,0).</translation>
    </message>
    <message>
        <source>Å</source>
        <translation>Å</translation>
    </message>
    <message>
        <source>Signal-to-noise ratio (default 0.1; 0: no noise).</source>
        <translation>Signal-Rausch-Verhältnis (Vorgabe 0,1; 0: kein Rauschen).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>hinge, two-hinges or discrete (default hinge).</source>
        <translation>hinge, two-hinges oder discrete (Vorgabe hinge).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Startwert des Zufallsgenerators (Vorgabe 1).</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Do not apply a CTF.</source>
        <translation>Keine CTF anwenden.</translation>
    </message>
    <message>
        <source>simulate: --out DIR is required.</source>
        <translation>simulate: --out ORDNER ist erforderlich.</translation>
    </message>
    <message>
        <source>Simulating</source>
        <translation>Simuliere</translation>
    </message>
    <message>
        <source>Wrote %1 particles of %2 x %2 px (%3 Å/px, SNR %4, %5) to %6 in %7 s</source>
        <translation>%1 Partikel zu %2 x %2 px (%3 Å/px, SNR %4, %5) in %7 s nach %6 geschrieben</translation>
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
        <source>Demo map</source>
        <translation>Demokarte</translation>
    </message>
    <message>
        <source>Maps (.mrc) or particle datasets (.star, .cs, .mrcs, .txt) to open.</source>
        <translation>Zu öffnende Karten (.mrc) oder Partikeldatensätze (.star, .cs, .mrcs, .txt).</translation>
    </message>
</context>
</TS>
