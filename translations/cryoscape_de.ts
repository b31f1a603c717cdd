<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AbInitioSettings</name>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="21"/>
        <source>%1 orientations, %2° apart</source>
        <translation>%1 Orientierungen im Abstand von %2°</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="28"/>
        <source>Poses</source>
        <translation>Orientierungen</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="30"/>
        <source>From the particle file</source>
        <translation>Aus der Partikeldatei</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="31"/>
        <source>Use the particle orientations and shifts that RELION or cryoSPARC refined (a consensus refinement). Fastest, and the usual choice.</source>
        <translation>Die Orientierungen und Verschiebungen der Partikel verwenden, die RELION oder cryoSPARC verfeinert haben (eine Konsensus-Verfeinerung). Am schnellsten und die übliche Wahl.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="33"/>
        <source>Search ab initio (cryoDRGN2)</source>
        <translation>Ab initio suchen (cryoDRGN2)</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="81"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="86"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="87"/>
        <source>After this epoch the model restarts from random weights but keeps the poses found so far, which escapes a poor start. Automatic: halfway through runs of 10 epochs or more, never in shorter ones.</source>
        <translation>Nach dieser Epoche startet das Modell mit zufälligen Gewichten neu, behält aber die bisher gefundenen Orientierungen; so entkommt es einem schlechten Start. Automatisch: nach der Hälfte bei Läufen mit 10 oder mehr Epochen, nie bei kürzeren.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="94"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="96"/>
        <source>Show the settings of the search itself.</source>
        <translation>Die Einstellungen der Suche selbst anzeigen.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="98"/>
        <source>How finely the first, global step of the search samples orientations; each step up tries 8 times as many (and takes about 8 times longer) but misses fewer poses. 2 suits most data.</source>
        <translation>Wie fein der erste, globale Schritt der Suche die Orientierungen abtastet; jede Stufe höher probiert 8-mal so viele (und dauert etwa 8-mal so lange), verpasst aber weniger Orientierungen. 2 passt für die meisten Daten.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="138"/>
        <source>Base grid resolution:</source>
        <translation>Auflösung des Basisgitters:</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="132"/>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="135"/>
        <source>Search every:</source>
        <translation>Suchen alle:</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="136"/>
        <source>Reset the model after epoch:</source>
        <translation>Modell zurücksetzen nach Epoche:</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="154"/>
        <source>The particle file has no poses: they will be searched ab initio.</source>
        <translation>Die Partikeldatei enthält keine Orientierungen: Sie werden ab initio gesucht.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="104"/>
        <source>In a searching epoch the model trains on every chunk of this many images right after searching it, so later chunks are searched with a better model. Smaller: more model updates per pass (and a decoder pass per chunk to pay for them).</source>
        <translation>In einer Suchepoche trainiert das Modell jeden Abschnitt aus so vielen Bildern gleich nach dessen Suche, sodass spätere Abschnitte mit einem besseren Modell durchsucht werden. Kleiner: mehr Modellaktualisierungen je Durchgang (und je Abschnitt ein Decoderdurchlauf, der sie kostet).</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="109"/>
        <source>Models with a latent space: each chunk&apos;s images are searched with this many volumes, decoded at the k-means centres of their latent coordinates. More: each image meets a volume closer to its own, and the search is slower.</source>
        <translation>Modelle mit latentem Raum: Die Bilder jedes Abschnitts werden mit so vielen Volumen durchsucht, dekodiert an den k-Means-Zentren ihrer latenten Koordinaten. Mehr: Jedes Bild trifft auf ein Volumen, das seinem eigenen näher ist, und die Suche ist langsamer.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="122"/>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="139"/>
        <source>Model update every:</source>
        <translation>Modellaktualisierung alle:</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="140"/>
        <source>Volumes per chunk:</source>
        <translation>Volumen je Abschnitt:</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="77"/>
        <source>How often the poses are searched again with the improving model. The epochs in between train on the latest poses and are much faster, but they also fit the model to early, wrong poses. 1 (every epoch) gives the best poses; larger values save time on large datasets.</source>
        <translation>Wie oft die Orientierungen mit dem sich verbessernden Modell neu gesucht werden. Die Epochen dazwischen trainieren auf den zuletzt gefundenen Orientierungen und sind viel schneller, passen das Modell aber auch an frühe, falsche Orientierungen an. 1 (jede Epoche) ergibt die besten Orientierungen; größere Werte sparen Zeit bei großen Datensätzen.</translation>
    </message>
    <message>
        <location filename="../app/AbInitioSettings.cpp" line="34"/>
        <source>Use when you have no consensus poses, or do not trust them: the model finds each particle&apos;s orientation and shift itself, by searching every few epochs. Any poses in the particle file are ignored. Slow: on a CPU the search handles only a few images per second (at box 64 on 2 cores about 13 images/s for a homogeneous model, 4 with a latent space), many times slower than a training epoch; a GPU helps a lot. Particles with a large domain motion are placed poorly (simulated hinge of 80°: median error 13°, against under 5° for one conformation): for them, train on consensus poses where you can.</source>
        <translation>Verwenden, wenn keine Konsensposen vorliegen oder ihnen nicht zu trauen ist: Das Modell findet Orientierung und Verschiebung jedes Partikels selbst, indem es alle paar Epochen sucht. Posen in der Partikeldatei werden ignoriert. Langsam: Auf einer CPU schafft die Suche nur wenige Bilder pro Sekunde (bei Box 64 auf 2 Kernen etwa 13 Bilder/s für ein homogenes Modell, 4 mit latentem Raum), ein Vielfaches langsamer als eine Trainingsepoche; eine GPU hilft sehr. Partikel mit einer großen Domänenbewegung werden schlecht platziert (simuliertes Gelenk von 80°: Medianfehler 13°, gegenüber unter 5° bei einer Konformation): Für sie wenn möglich auf Konsensposen trainieren.</translation>
    </message>
</context>
<context>
    <name>AnalysisJob</name>
    <message>
        <source>cancelled</source>
        <translation type="vanished">abgebrochen</translation>
    </message>
</context>
<context>
    <name>ClusterGallery</name>
    <message>
        <location filename="../app/ClusterGallery.cpp" line="21"/>
        <source>Select Cluster</source>
        <translation>Cluster auswählen</translation>
    </message>
    <message>
        <location filename="../app/ClusterGallery.cpp" line="28"/>
        <source>Map at each k-means cluster&apos;s centre particle; click to show it</source>
        <translation>Karte am Zentrumspartikel jedes k-means-Clusters; zum Anzeigen anklicken</translation>
    </message>
    <message>
        <location filename="../app/ClusterGallery.cpp" line="43"/>
        <source>cluster %1 · particle %2 (nearest the centre)</source>
        <translation>Cluster %1 · Partikel %2 (dem Zentrum am nächsten)</translation>
    </message>
    <message>
        <location filename="../app/ClusterGallery.cpp" line="55"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>CryodrgnRunOpener</name>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="48"/>
        <source>cryoDRGN run, epoch %1</source>
        <translation>cryoDRGN-Lauf, Epoche %1</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="50"/>
        <source>cryoDRGN &amp;Epoch</source>
        <translation>cryoDRGN-&amp;Epoche</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="52"/>
        <source>&amp;Locate Particles…</source>
        <translation>Partikel &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="53"/>
        <source>Name the particle file of the open cryoDRGN run (remembered)</source>
        <translation>Die Partikeldatei des offenen cryoDRGN-Laufs angeben (wird gemerkt)</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="107"/>
        <source>Epoch %1 (%2)</source>
        <translation>Epoche %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="124"/>
        <source>Locate the Run&apos;s Particles</source>
        <translation>Die Partikel des Laufs suchen</translation>
    </message>
    <message>
        <location filename="../app/CryodrgnRunOpener.cpp" line="125"/>
        <source>Particles (*.star *.cs *.mrcs *.mrc *.txt);;All files (*)</source>
        <translation>Partikel (*.star *.cs *.mrcs *.mrc *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ExplainedVarianceView</name>
    <message>
        <location filename="../widgets/ExplainedVarianceView.cpp" line="19"/>
        <source>PC %1: %2 %</source>
        <translation>PC %1: %2 %</translation>
    </message>
</context>
<context>
    <name>ExplorerController</name>
    <message>
        <location filename="../app/ExplorerController.cpp" line="47"/>
        <source>Latent space</source>
        <translation>Latenter Raum</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="48"/>
        <source>Selections</source>
        <translation>Auswahlen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="49"/>
        <source>Cluster maps</source>
        <translation>Cluster-Karten</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="53"/>
        <source>Selected particles</source>
        <translation>Ausgewählte Partikel</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="63"/>
        <source>&amp;Export Selection…</source>
        <translation>Auswahl &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="65"/>
        <source>Write the selected particles as RELION .star, cryoSPARC .cs, index list or cryoDRGN .pkl</source>
        <translation>Die ausgewählten Partikel als RELION-.star, cryoSPARC-.cs, Indexliste oder cryoDRGN-.pkl schreiben</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="66"/>
        <source>Export &amp;Complement…</source>
        <translation>&amp;Komplement exportieren…</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="75"/>
        <location filename="../app/ExplorerController.cpp" line="91"/>
        <source>&amp;Undo Selection</source>
        <translation>Auswahl &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="77"/>
        <location filename="../app/ExplorerController.cpp" line="92"/>
        <source>&amp;Redo Selection</source>
        <translation>Auswahl &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="80"/>
        <source>&amp;Invert Selection</source>
        <translation>Auswahl &amp;invertieren</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="81"/>
        <source>&amp;Clear Selection</source>
        <translation>Auswahl &amp;leeren</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="82"/>
        <source>&amp;Map of Selection</source>
        <translation>&amp;Karte der Auswahl</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="91"/>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="92"/>
        <source>&amp;Redo %1</source>
        <translation>%1 &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="98"/>
        <location filename="../app/ExplorerController.cpp" line="138"/>
        <source>Cannot open run</source>
        <translation>Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="98"/>
        <source>%1: no such file or directory</source>
        <translation>%1: keine solche Datei und kein solches Verzeichnis</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="135"/>
        <source>Training run</source>
        <translation>Trainingslauf</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="138"/>
        <source>Cannot open the cryoDRGN run</source>
        <translation>Der cryoDRGN-Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="218"/>
        <source>particle %1 · centre of cluster 0</source>
        <translation>Partikel %1 · Zentrum von Cluster 0</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="224"/>
        <source>%1 — Cryoscape</source>
        <translation>%1 — Cryoscape</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="235"/>
        <source>Particles not available (no defocus/pose colours, no export): %1</source>
        <translation>Partikel nicht verfügbar (keine Färbung nach Defokus/Orientierung, kein Export): %1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="269"/>
        <source>the run&apos;s map (homogeneous: no latent space)</source>
        <translation>die Karte des Laufs (homogen: kein latenter Raum)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="272"/>
        <source>Homogeneous run: one map, no latent space to explore</source>
        <translation>Homogener Lauf: eine Karte, kein latenter Raum zu erkunden</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="298"/>
        <source>Selected particles (%1)</source>
        <translation>Ausgewählte Partikel (%1)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="304"/>
        <location filename="../app/ExplorerExport.cpp" line="44"/>
        <location filename="../app/ExplorerExport.cpp" line="48"/>
        <location filename="../app/ExplorerExport.cpp" line="62"/>
        <location filename="../app/ExplorerExport.cpp" line="78"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="304"/>
        <location filename="../app/ExplorerExport.cpp" line="44"/>
        <source>Open a run first.</source>
        <translation>Zuerst einen Lauf öffnen.</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="308"/>
        <source>Export Complement</source>
        <translation>Komplement exportieren</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="308"/>
        <source>Export Selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
    <message>
        <location filename="../app/ExplorerController.cpp" line="309"/>
        <source>RELION particles (*.star);;cryoSPARC particles (*.cs);;Index list (*.txt);;cryoDRGN indices (*.pkl)</source>
        <translation>RELION-Partikel (*.star);;cryoSPARC-Partikel (*.cs);;Indexliste (*.txt);;cryoDRGN-Indizes (*.pkl)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="30"/>
        <source>The run&apos;s particles cannot be opened: %1</source>
        <translation>Die Partikel des Laufs können nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="35"/>
        <source>complement of the selection</source>
        <translation>Komplement der Auswahl</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="35"/>
        <source>the selection</source>
        <translation>die Auswahl</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="42"/>
        <source>all: a homogeneous run has no selection</source>
        <translation>alle: ein homogener Lauf hat keine Auswahl</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="62"/>
        <source>%1: unknown format (use .star, .cs, .txt or .pkl)</source>
        <translation>%1: unbekanntes Format (.star, .cs, .txt oder .pkl verwenden)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="71"/>
        <source>Wrote %1 of %2 particles (%3) to %4</source>
        <translation>%1 von %2 Partikeln (%3) nach %4 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="75"/>
        <source>, with the poses this run found ab initio</source>
        <translation>, mit den Posen, die dieser Lauf ab initio gefunden hat</translation>
    </message>
    <message>
        <location filename="../app/ExplorerExport.cpp" line="81"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ExplorerPanel</name>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="45"/>
        <source>Map of Selection</source>
        <translation>Karte der Auswahl</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="46"/>
        <source>Decode the map at the mean z of the selected particles</source>
        <translation>Die Karte am mittleren z der ausgewählten Partikel dekodieren</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="50"/>
        <location filename="../app/ExplorerPanel.cpp" line="63"/>
        <location filename="../app/ExplorerPanel.cpp" line="68"/>
        <source>Compute UMAP</source>
        <translation>UMAP berechnen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="51"/>
        <source>This run has no UMAP yet: compute it (about 40 s per 100,000 particles) and store it in run.h5</source>
        <translation>Dieser Lauf hat noch kein UMAP: berechnen (etwa 40 s pro 100.000 Partikel) und in run.h5 speichern</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="64"/>
        <source>UMAP not computed: %1</source>
        <translation>UMAP nicht berechnet: %1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="69"/>
        <source>UMAP cancelled</source>
        <translation>UMAP abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="113"/>
        <source>PCA %1/%2</source>
        <translation>PCA %1/%2</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="113"/>
        <source>PC %1</source>
        <translation>PC %1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="115"/>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="115"/>
        <source>UMAP 1</source>
        <translation>UMAP 1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="115"/>
        <source>UMAP 2</source>
        <translation>UMAP 2</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="117"/>
        <source>z%1 / z%2</source>
        <translation>z%1 / z%2</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="117"/>
        <location filename="../app/ExplorerPanel.cpp" line="155"/>
        <source>z%1</source>
        <translation>z%1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="121"/>
        <source>z1 / particle</source>
        <translation>z1 / Partikel</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="121"/>
        <source>z1</source>
        <translation>z1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="121"/>
        <source>particle</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="130"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="134"/>
        <source>cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="136"/>
        <source>k-means (%1)</source>
        <translation>k-means (%1)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="148"/>
        <source>defocus (Å)</source>
        <translation>Defokus (Å)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="150"/>
        <source>rot (°)</source>
        <translation>rot (°)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="151"/>
        <source>tilt (°)</source>
        <translation>tilt (°)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="152"/>
        <source>psi (°)</source>
        <translation>psi (°)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="208"/>
        <source>z = %1
cluster %2</source>
        <translation>z = %1
Cluster %2</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="224"/>
        <source>Selected: %1 of %2 particles (%3 %)</source>
        <translation>Ausgewählt: %1 von %2 Partikeln (%3 %)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="268"/>
        <source>z = %1 · PC%2 = %3, PC%4 = %5 (inverse PCA)</source>
        <translation>z = %1 · PC%2 = %3, PC%4 = %5 (inverse PCA)</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="280"/>
        <source>z = %1 · particle %2 · cluster %3</source>
        <translation>z = %1 · Partikel %2 · Cluster %3</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="299"/>
        <source>Cancel UMAP</source>
        <translation>UMAP abbrechen</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="311"/>
        <source>UMAP computed and stored in run.h5</source>
        <translation>UMAP berechnet und in run.h5 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="312"/>
        <source>UMAP computed, but not stored: %1</source>
        <translation>UMAP berechnet, aber nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../app/ExplorerPanel.cpp" line="322"/>
        <source>z = %1 · mean of %2 selected particles</source>
        <translation>z = %1 · Mittel von %2 ausgewählten Partikeln</translation>
    </message>
</context>
<context>
    <name>FscPlot</name>
    <message>
        <location filename="../widgets/FscPlot.cpp" line="86"/>
        <source>resolution (Å)</source>
        <translation>Auflösung (Å)</translation>
    </message>
    <message>
        <location filename="../widgets/FscPlot.cpp" line="124"/>
        <source>No FSC yet</source>
        <translation>Noch keine FSC</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../widgets/HistogramView.cpp" line="14"/>
        <source>Histogram of map values (log scale). Click or drag to set the contour level.</source>
        <translation>Histogramm der Kartenwerte (logarithmisch). Klicken oder ziehen, um die Konturhöhe zu setzen.</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../app/JobRunner.cpp" line="132"/>
        <source>The job stopped with an error that has no description.</source>
        <translation>Der Auftrag endete mit einem Fehler ohne Beschreibung.</translation>
    </message>
    <message>
        <location filename="../app/JobRunner.cpp" line="134"/>
        <source>The job stopped with an unknown error.</source>
        <translation>Der Auftrag endete mit einem unbekannten Fehler.</translation>
    </message>
</context>
<context>
    <name>LandscapeController</name>
    <message>
        <location filename="../app/LandscapeController.cpp" line="26"/>
        <source>Landscape</source>
        <translation>Landschaft</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="30"/>
        <source>&amp;Landscape…</source>
        <translation>&amp;Landschaft…</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="31"/>
        <source>Decode volumes across the latent space, cluster them and find their principal components (landscape analysis)</source>
        <translation>Volumen über den latenten Raum hinweg dekodieren, clustern und ihre Hauptkomponenten bestimmen (Landschaftsanalyse)</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="43"/>
        <source>Landscape analysis cancelled</source>
        <translation>Landschaftsanalyse abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="63"/>
        <source>%1 not found (made by an older version?): run the analysis again</source>
        <translation>%1 nicht gefunden (mit einer älteren Version erstellt?): die Analyse erneut ausführen</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="94"/>
        <source>Landscape analysis not read: %1</source>
        <translation>Landschaftsanalyse nicht gelesen: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="100"/>
        <source>Landscape maps not available: %1</source>
        <translation>Landschaftskarten nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="121"/>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="145"/>
        <source>Landscape: %1 clusters of %2 sketch volumes, stored in run.h5 and %3</source>
        <translation>Landschaft: %1 Cluster aus %2 Skizzenvolumen, gespeichert in run.h5 und %3</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="149"/>
        <source>Landscape computed, but not stored: %1</source>
        <translation>Landschaft berechnet, aber nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="170"/>
        <source>Landscape analysis not done: %1</source>
        <translation>Landschaftsanalyse nicht durchgeführt: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="186"/>
        <source>no cluster maps to export</source>
        <translation>keine Cluster-Karten zum Exportieren</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="205"/>
        <source>Export Cluster Maps</source>
        <translation>Cluster-Karten exportieren</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="210"/>
        <source>Cluster maps not exported: %1</source>
        <translation>Cluster-Karten nicht exportiert: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapeController.cpp" line="211"/>
        <source>Wrote %1 cluster maps and cluster_maps.cxc to %2</source>
        <translation>%1 Cluster-Karten und cluster_maps.cxc nach %2 geschrieben</translation>
    </message>
</context>
<context>
    <name>LandscapeDialog</name>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="26"/>
        <source>Landscape Analysis</source>
        <translation>Landschaftsanalyse</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="30"/>
        <source>How many volumes to decode: the k-means centres of z that sketch the latent space. Scaled down for small datasets to max(particles / 10, 2 × clusters). Decoding is most of the time.</source>
        <translation>Wie viele Volumen dekodiert werden: die k-means-Zentren von z, die den latenten Raum skizzieren. Bei kleinen Datensätzen verringert auf max(Partikel / 10, 2 × Cluster). Das Dekodieren macht den Großteil der Zeit aus.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="33"/>
        <source>Sketch volumes (k):</source>
        <translation>Skizzenvolumen (k):</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="36"/>
        <source>Number of clusters (M) the sketch volumes are grouped into by agglomerative clustering of their masked voxels.</source>
        <translation>Anzahl der Cluster (M), in die die Skizzenvolumen durch agglomeratives Clustern ihrer maskierten Voxel gruppiert werden.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="38"/>
        <source>Clusters (M):</source>
        <translation>Cluster (M):</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="40"/>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="40"/>
        <source>Average</source>
        <translation>Mittlere Verknüpfung</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="40"/>
        <source>Complete</source>
        <translation>Vollständige Verknüpfung</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="41"/>
        <source>How the distance between two groups of volumes is measured (Euclidean distances of masked voxels). Ward keeps clusters compact and rarely isolates one odd volume; average and complete follow cryoDRGN&apos;s options.</source>
        <translation>Wie der Abstand zwischen zwei Gruppen von Volumen gemessen wird (euklidische Abstände der maskierten Voxel). Ward hält Cluster kompakt und isoliert selten ein einzelnes abweichendes Volumen; mittlere und vollständige Verknüpfung entsprechen den Optionen von cryoDRGN (average, complete).</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="44"/>
        <source>Linkage:</source>
        <translation>Verknüpfung:</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="48"/>
        <source>Principal components of the masked volumes to keep (volume PCs). The panel shows PC 1–3; every particle gets coordinates on all of them.</source>
        <translation>Beizubehaltende Hauptkomponenten der maskierten Volumen (Volumen-PCs). Das Panel zeigt PC 1–3; jedes Partikel erhält Koordinaten auf allen.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="50"/>
        <source>Volume PCs:</source>
        <translation>Volumen-PCs:</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="51"/>
        <source>Full-size maps</source>
        <translation>Karten in voller Größe</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="52"/>
        <source>Off: decode preview maps (half the box, twice the voxel size), about 8× faster and enough to tell states apart. On: full-size maps, sharper cluster means.</source>
        <translation>Aus: Vorschaukarten dekodieren (halbe Box, doppelte Voxelgröße), etwa 8× schneller und ausreichend, um Zustände zu unterscheiden. Ein: Karten in voller Größe, schärfere Cluster-Mittel.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="54"/>
        <source>Decoding:</source>
        <translation>Dekodieren:</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="62"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="81"/>
        <source>Automatic, grown by</source>
        <translation>Automatisch, erweitert um</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="82"/>
        <source>Voxels above half of some sketch volume&apos;s maximum (union over the volumes), grown by this distance so that clustering sees more than the densest cores.</source>
        <translation>Voxel über der Hälfte des Maximums eines der Skizzenvolumen (Vereinigung über alle Volumen), um diesen Abstand erweitert, damit das Clustern mehr als die dichtesten Kerne sieht.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="86"/>
        <source> Å</source>
        <translation> Å</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="91"/>
        <source>Mask:</source>
        <translation>Maske:</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="92"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="93"/>
        <source>Your own mask (.mrc): voxels above 0.5 are in. It must have the size of the decoded maps: the box, or half of it for preview maps.</source>
        <translation>Eigene Maske (.mrc): Voxel über 0,5 gehören dazu. Sie muss die Größe der dekodierten Karten haben: die Box oder deren Hälfte bei Vorschaukarten.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="97"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="109"/>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="110"/>
        <source>MRC maps (*.mrc *.map)</source>
        <translation>MRC-Karten (*.mrc *.map)</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="148"/>
        <source>%1 clusters for %2 particles</source>
        <translation>%1 Cluster für %2 Partikel</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="152"/>
        <source>Choose a mask file, or use the automatic mask.</source>
        <translation>Eine Maskendatei wählen oder die automatische Maske verwenden.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="154"/>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="164"/>
        <source>%1 particles: %2 %3 maps will be decoded, then grouped into %4 clusters.</source>
        <translation>%1 Partikel: %2 Karten (%3) werden dekodiert und dann in %4 Cluster gruppiert.</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="167"/>
        <source>full-size</source>
        <translation>volle Größe</translation>
    </message>
    <message>
        <location filename="../app/LandscapeDialog.cpp" line="167"/>
        <source>preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="54"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="55"/>
        <source>Stop the landscape analysis (nothing is stored)</source>
        <translation>Die Landschaftsanalyse anhalten (nichts wird gespeichert)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="56"/>
        <source>Run Landscape…</source>
        <translation>Landschaft berechnen…</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="57"/>
        <source>Decode volumes across the latent space, cluster them and find their principal components (Analysis → Landscape…)</source>
        <translation>Volumen über den latenten Raum hinweg dekodieren, clustern und ihre Hauptkomponenten bestimmen (Analyse → Landschaft…)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="72"/>
        <source>Explained variance of the volume PCs</source>
        <translation>Erklärte Varianz der Volumen-PCs</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="98"/>
        <source>Volumes along a volume PC</source>
        <translation>Volumen entlang einer Volumen-PC</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="100"/>
        <source>Which volume PC to move along</source>
        <translation>Entlang welcher Volumen-PC bewegt wird</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="104"/>
        <source>Mean volume plus this many standard deviations of the sketch volumes along the PC</source>
        <translation>Mittleres Volumen plus so viele Standardabweichungen der Skizzenvolumen entlang der PC</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="128"/>
        <source>Mean volume of each landscape cluster; click to show it</source>
        <translation>Mittleres Volumen jedes Landschafts-Clusters; zum Anzeigen anklicken</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="130"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="130"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="131"/>
        <source>Replace the current selection with the cluster&apos;s particles, or add them to it</source>
        <translation>Die aktuelle Auswahl durch die Partikel des Clusters ersetzen oder sie hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="132"/>
        <source>Select Particles</source>
        <translation>Partikel auswählen</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="133"/>
        <source>Select the particles of the clicked cluster (then File → Export Selection…)</source>
        <translation>Die Partikel des angeklickten Clusters auswählen (dann Datei → Auswahl exportieren…)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="134"/>
        <source>Export Cluster Maps…</source>
        <translation>Cluster-Karten exportieren…</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="135"/>
        <source>Write every cluster mean as .mrc, with a ChimeraX script opening them as a series</source>
        <translation>Jedes Cluster-Mittel als .mrc schreiben, mit einem ChimeraX-Skript, das sie als Serie öffnet</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="159"/>
        <source>No landscape analysis yet: Analysis → Landscape… decodes volumes across the latent space, clusters them and finds their principal components.</source>
        <translation>Noch keine Landschaftsanalyse: Analyse → Landschaft… dekodiert Volumen über den latenten Raum hinweg, clustert sie und bestimmt ihre Hauptkomponenten.</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="163"/>
        <source>%1 sketch volumes (%2 maps) · %3 clusters (%4 linkage) · mask %5 voxels · z → volume-PC regression R² %6</source>
        <translation>%1 Skizzenvolumen (Karten: %2) · %3 Cluster (Verknüpfung: %4) · Maske %5 Voxel · Regression z → Volumen-PC R² %6</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="179"/>
        <source>variance explained (%)</source>
        <translation>erklärte Varianz (%)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="179"/>
        <source>variance (% of kept PCs)</source>
        <translation>Varianz (% der beibehaltenen PCs)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="191"/>
        <source>volume PC%1 × PC%2</source>
        <translation>Volumen-PC%1 × PC%2</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="191"/>
        <location filename="../app/LandscapePanel.cpp" line="192"/>
        <location filename="../app/LandscapePanel.cpp" line="260"/>
        <source>volume PC %1</source>
        <translation>Volumen-PC %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="197"/>
        <source>volume PC1 / particle</source>
        <translation>Volumen-PC1 / Partikel</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="197"/>
        <source>volume PC 1</source>
        <translation>Volumen-PC 1</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="197"/>
        <source>particle</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="202"/>
        <source>landscape cluster</source>
        <translation>Landschafts-Cluster</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="204"/>
        <source>landscape cluster (%1)</source>
        <translation>Landschafts-Cluster (%1)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="207"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="211"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="213"/>
        <source>k-means (%1)</source>
        <translation>k-means (%1)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="239"/>
        <source>%1: %2 volumes · %3 particles</source>
        <translation>%1: %2 Volumen · %3 Partikel</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="243"/>
        <source>Cluster %1: mean of %2 sketch volumes; %3 particles</source>
        <translation>Cluster %1: Mittel von %2 Skizzenvolumen; %3 Partikel</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="247"/>
        <source>Cluster maps not available: %1</source>
        <translation>Cluster-Karten nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="267"/>
        <source>Run a landscape analysis first.</source>
        <translation>Zuerst eine Landschaftsanalyse ausführen.</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="269"/>
        <source>Not available: the mean map and eigenvolumes were not stored with this run (run the analysis again).</source>
        <translation>Nicht verfügbar: Mittlere Karte und Eigenvolumen wurden mit diesem Lauf nicht gespeichert (die Analyse erneut ausführen).</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="272"/>
        <source>Move the slider: mean volume ± up to %1 σ along the chosen PC.</source>
        <translation>Den Schieberegler bewegen: mittleres Volumen ± bis zu %1 σ entlang der gewählten PC.</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="289"/>
        <source>volume PC %1 = %2 σ (%3)</source>
        <translation>Volumen-PC %1 = %2 σ (%3)</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="294"/>
        <source>landscape: volume PC %1 at %2 σ</source>
        <translation>Landschaft: Volumen-PC %1 bei %2 σ</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="317"/>
        <source>landscape cluster %1 · mean map</source>
        <translation>Landschafts-Cluster %1 · mittlere Karte</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="326"/>
        <source>Landscape cluster %1</source>
        <translation>Landschafts-Cluster %1</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="338"/>
        <source>Landscape analysis of %1 particles:</source>
        <translation>Landschaftsanalyse von %1 Partikeln:</translation>
    </message>
    <message>
        <location filename="../app/LandscapePanel.cpp" line="359"/>
        <source>landscape cluster %1
volume PC 1–3: (%2)</source>
        <translation>Landschafts-Cluster %1
Volumen-PC 1–3: (%2)</translation>
    </message>
</context>
<context>
    <name>LatentPreview</name>
    <message>
        <location filename="../widgets/LatentPreview.cpp" line="14"/>
        <source>Where each particle sits in the first two latent dimensions, updated after every epoch. Groups and paths appearing here are the conformations the model is learning.</source>
        <translation>Wo jedes Partikel in den ersten beiden latenten Dimensionen liegt, nach jeder Epoche aktualisiert. Gruppen und Pfade, die hier erscheinen, sind die Konformationen, die das Modell lernt.</translation>
    </message>
    <message>
        <location filename="../widgets/LatentPreview.cpp" line="55"/>
        <source>The latent space appears here after the first epoch.</source>
        <translation>Der latente Raum erscheint hier nach der ersten Epoche.</translation>
    </message>
    <message>
        <location filename="../widgets/LatentPreview.cpp" line="59"/>
        <source>Homogeneous model: no latent space.</source>
        <translation>Homogenes Modell: kein latenter Raum.</translation>
    </message>
    <message>
        <location filename="../widgets/LatentPreview.cpp" line="62"/>
        <source>z₁ vs z₂ · epoch %1</source>
        <translation>z₁ gegen z₂ · Epoche %1</translation>
    </message>
    <message>
        <location filename="../widgets/LatentPreview.cpp" line="62"/>
        <source>z₁ by particle · epoch %1</source>
        <translation>z₁ nach Partikel · Epoche %1</translation>
    </message>
</context>
<context>
    <name>LatentScatterView</name>
    <message>
        <location filename="../widgets/LatentScatterView.cpp" line="132"/>
        <source>unassigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterView.cpp" line="132"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterView.cpp" line="337"/>
        <source>Particle %1
%2 = %3
%4 = %5</source>
        <translation>Partikel %1
%2 = %3
%4 = %5</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterView.cpp" line="345"/>
        <location filename="../widgets/LatentScatterView.cpp" line="347"/>
        <source>
%1: %2</source>
        <translation>
%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="68"/>
        <source>points / pixel</source>
        <translation>Punkte / Pixel</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="74"/>
        <source>%1 particles</source>
        <translation>%1 Partikel</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="76"/>
        <source>  ·  %1 selected</source>
        <translation>  ·  %1 ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="217"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="217"/>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <location filename="../widgets/LatentScatterViewEvents.cpp" line="231"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>LossCurveView</name>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="83"/>
        <source>Loss per epoch: the total loss that training minimises, the image error (MSE) and the latent regularisation (KL). The hollow marks are the running values of the current epoch.</source>
        <translation>Verlust pro Epoche: der Gesamtverlust, den das Training minimiert, der Bildfehler (MSE) und die latente Regularisierung (KL). Die hohlen Markierungen sind die laufenden Werte der aktuellen Epoche.</translation>
    </message>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="249"/>
        <source>epoch  (loss axis logarithmic)</source>
        <translation>Epoche  (Verlustachse logarithmisch)</translation>
    </message>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="249"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="255"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="255"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../widgets/LossCurveView.cpp" line="255"/>
        <source>KL</source>
        <translation>KL</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/MainWindow.cpp" line="61"/>
        <source>Cryoscape</source>
        <translation>Cryoscape</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="85"/>
        <source>&amp;Open Map…</source>
        <translation>Karte ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="91"/>
        <source>Open a density map (.mrc, .map)</source>
        <translation>Eine Dichtekarte öffnen (.mrc, .map)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="108"/>
        <source>Open a training run: its directory or run.h5, or a cryoDRGN output directory</source>
        <translation>Einen Trainingslauf öffnen: sein Verzeichnis oder run.h5, oder ein cryoDRGN-Ausgabeverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="109"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="67"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="114"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="69"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="70"/>
        <source>&amp;About Cryoscape</source>
        <translation>&amp;Über Cryoscape</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="77"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="197"/>
        <source>Cannot open map</source>
        <translation>Karte kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="246"/>
        <source>%1 — Cryoscape</source>
        <translation>%1 — Cryoscape</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="86"/>
        <source>Open Map</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="86"/>
        <source>Maps (*.mrc *.map *.mrcs);;All files (*)</source>
        <translation>Karten (*.mrc *.map *.mrcs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="71"/>
        <source>About Cryoscape</source>
        <translation>Über Cryoscape</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="72"/>
        <source>&lt;h3&gt;Cryoscape %1&lt;/h3&gt;&lt;p&gt;Exploring structural heterogeneity in cryo-EM data.&lt;/p&gt;&lt;p&gt;Built with Qt %2, VTK, FFTW3, Eigen, HDF5 and LibTorch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cryoscape %1&lt;/h3&gt;&lt;p&gt;Strukturelle Heterogenität in Kryo-EM-Daten erkunden.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, VTK, FFTW3, Eigen, HDF5 und LibTorch.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="92"/>
        <source>Open &amp;Particles…</source>
        <translation>&amp;Partikel öffnen…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="99"/>
        <source>Open a particle dataset (.star, .cs, .mrcs, .txt) and look at its images</source>
        <translation>Einen Partikeldatensatz öffnen (.star, .cs, .mrcs, .txt) und seine Bilder ansehen</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="226"/>
        <source>Cannot open particles</source>
        <translation>Partikel können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="238"/>
        <source>Problems in %1</source>
        <translation>Probleme in %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="93"/>
        <source>Open Particles</source>
        <translation>Partikel öffnen</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="94"/>
        <source>Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)</source>
        <translation>Partikeldatensätze (*.star *.cs *.mrcs *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="100"/>
        <source>Open R&amp;un…</source>
        <translation>&amp;Lauf öffnen…</translation>
    </message>
    <message>
        <source>Open a training run (its directory or run.h5)</source>
        <translation type="vanished">Einen Trainingslauf öffnen (sein Verzeichnis oder run.h5)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="112"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="115"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="141"/>
        <source>Cannot decode maps</source>
        <translation>Karten können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="102"/>
        <source>Open Run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="103"/>
        <source>Runs (run.h5 config.yaml config.pkl weights*.pkl);;Cryoscape runs (run.h5);;cryoDRGN runs (config.yaml config.pkl weights*.pkl);;All files (*)</source>
        <translation>Läufe (run.h5 config.yaml config.pkl weights*.pkl);;Cryoscape-Läufe (run.h5);;cryoDRGN-Läufe (config.yaml config.pkl weights*.pkl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cryoscape runs (run.h5);;HDF5 files (*.h5);;All files (*)</source>
        <translation type="vanished">Cryoscape-Läufe (run.h5);;HDF5-Dateien (*.h5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="113"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
</context>
<context>
    <name>MapStage</name>
    <message>
        <location filename="../app/MapStage.cpp" line="34"/>
        <source>Contour level</source>
        <translation>Konturhöhe</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="39"/>
        <source>No map open — File → Open Map… or drop an .mrc, .star or .cs file here</source>
        <translation>Keine Karte geöffnet — Datei → Karte öffnen… oder eine .mrc-, .star- oder .cs-Datei hierher ziehen</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="50"/>
        <source>&amp;Reset Camera</source>
        <translation>Kamera &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="52"/>
        <source>&amp;Background</source>
        <translation>&amp;Hintergrund</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="54"/>
        <source>Dark blue</source>
        <translation>Dunkelblau</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="54"/>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="54"/>
        <source>White</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="59"/>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="60"/>
        <source>Background Colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="64"/>
        <source>Show &amp;Outline</source>
        <translation>&amp;Umriss anzeigen</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="68"/>
        <source>Show &amp;Axes</source>
        <translation>&amp;Achsen anzeigen</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="128"/>
        <source>%1 · full map (cached)</source>
        <translation>%1 · volle Karte (zwischengespeichert)</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="181"/>
        <source>%1 · %2 %3 ms (shown %4 ms after the request)</source>
        <translation>%1 · %2 %3 ms (%4 ms nach der Anforderung angezeigt)</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="182"/>
        <source>preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="182"/>
        <source>full map</source>
        <translation>volle Karte</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="250"/>
        <source>%1 × %2 × %3 voxels · %4 Å/voxel</source>
        <translation>%1 × %2 × %3 Voxel · %4 Å/Voxel</translation>
    </message>
    <message>
        <location filename="../app/MapStage.cpp" line="256"/>
        <source>Level %1 (%2 σ) · enclosed volume %3 Å³</source>
        <translation>Höhe %1 (%2 σ) · eingeschlossenes Volumen %3 Å³</translation>
    </message>
</context>
<context>
    <name>MovieController</name>
    <message>
        <location filename="../app/MovieController.cpp" line="23"/>
        <source>Export &amp;Movie…</source>
        <translation>Fil&amp;m exportieren…</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="25"/>
        <source>Render a 360° turn of the map, the cluster maps or a trajectory as an MP4 or GIF movie</source>
        <translation>Eine 360°-Drehung der Karte, die Cluster-Karten oder eine Trajektorie als MP4- oder GIF-Film rendern</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="37"/>
        <source>The trajectory (%1 maps)</source>
        <translation>Die Trajektorie (%1 Karten)</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="43"/>
        <source>360° turn of the shown map</source>
        <translation>360°-Drehung der angezeigten Karte</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="53"/>
        <source>The k-means cluster maps (%1)</source>
        <translation>Die k-means-Cluster-Karten (%1)</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="57"/>
        <location filename="../app/MovieController.cpp" line="86"/>
        <location filename="../app/MovieController.cpp" line="98"/>
        <location filename="../app/MovieController.cpp" line="118"/>
        <source>Export Movie</source>
        <translation>Film exportieren</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="57"/>
        <source>Open a map or a trained run first.</source>
        <translation>Zuerst eine Karte oder einen trainierten Lauf öffnen.</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="86"/>
        <source>A movie is being made already.</source>
        <translation>Es wird bereits ein Film erstellt.</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="97"/>
        <source>Rendering the movie…</source>
        <translation>Film wird gerendert…</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="97"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="111"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/MovieController.cpp" line="115"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>MovieExportDialog</name>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="20"/>
        <location filename="../app/MovieExportDialog.cpp" line="78"/>
        <source>Export Movie</source>
        <translation>Film exportieren</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="24"/>
        <source>Frames of:</source>
        <translation>Bilder von:</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="29"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="32"/>
        <source>File (.mp4 or .gif):</source>
        <translation>Datei (.mp4 oder .gif):</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="45"/>
        <source>Size (pixels):</source>
        <translation>Größe (Pixel):</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="50"/>
        <source>Frames per second:</source>
        <translation>Bilder pro Sekunde:</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="54"/>
        <source>Frames of the turn:</source>
        <translation>Bilder der Drehung:</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="57"/>
        <source>As in the viewer</source>
        <translation>Wie in der Ansicht</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="57"/>
        <source>White</source>
        <translation>Weiß</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="57"/>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="58"/>
        <source>Background:</source>
        <translation>Hintergrund:</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="60"/>
        <source>Fixed (the viewer&apos;s level)</source>
        <translation>Fest (Konturhöhe der Ansicht)</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="60"/>
        <source>Constant enclosed volume</source>
        <translation>Konstantes eingeschlossenes Volumen</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="61"/>
        <source>Constant enclosed volume: every frame gets the level that encloses as many voxels as the first frame, so maps that change in scale keep their size.</source>
        <translation>Konstantes eingeschlossenes Volumen: Jedes Bild erhält die Konturhöhe, die so viele Voxel einschließt wie das erste Bild, sodass Karten, deren Werteskala sich ändert, ihre Größe behalten.</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="63"/>
        <source>Level:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="64"/>
        <source>Half-size maps (faster decoding)</source>
        <translation>Karten halber Größe (schnelleres Dekodieren)</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="68"/>
        <source>Render</source>
        <translation>Rendern</translation>
    </message>
    <message>
        <location filename="../app/MovieExportDialog.cpp" line="79"/>
        <source>MP4 video (*.mp4);;Animated GIF (*.gif)</source>
        <translation>MP4-Video (*.mp4);;Animiertes GIF (*.gif)</translation>
    </message>
</context>
<context>
    <name>MovieExportJob</name>
    <message>
        <location filename="../app/MovieExportJob.cpp" line="96"/>
        <source>No map to turn and no run to decode maps from.</source>
        <translation>Keine Karte zum Drehen und kein Lauf, aus dem Karten dekodiert werden können.</translation>
    </message>
    <message>
        <location filename="../app/MovieExportJob.cpp" line="117"/>
        <source>There are no frames to render.</source>
        <translation>Es gibt keine Bilder zum Rendern.</translation>
    </message>
</context>
<context>
    <name>ParticleMontage</name>
    <message>
        <location filename="../widgets/ParticleMontage.cpp" line="19"/>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../widgets/ParticleMontage.cpp" line="20"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../widgets/ParticleMontage.cpp" line="87"/>
        <source>Page %1 of %2 (images %3–%4 of %5)</source>
        <translation>Seite %1 von %2 (Bilder %3–%4 von %5)</translation>
    </message>
    <message>
        <location filename="../widgets/ParticleMontage.cpp" line="93"/>
        <source>No images</source>
        <translation>Keine Bilder</translation>
    </message>
</context>
<context>
    <name>ParticlesDialog</name>
    <message>
        <location filename="../app/ParticlesDialog.cpp" line="35"/>
        <source>Particles — %1</source>
        <translation>Partikel — %1</translation>
    </message>
    <message>
        <location filename="../app/ParticlesDialog.cpp" line="52"/>
        <source>Cannot read particle images</source>
        <translation>Partikelbilder können nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/ParticlesDialog.cpp" line="64"/>
        <source>The images cannot be shown: some stacks are missing (see Problems).</source>
        <translation>Die Bilder können nicht gezeigt werden: einige Stapel fehlen (siehe Probleme).</translation>
    </message>
</context>
<context>
    <name>PoseErrorView</name>
    <message>
        <location filename="../widgets/PoseErrorView.cpp" line="30"/>
        <source>How far the poses found so far are from the true ones (synthetic data only): the median rotation error in degrees (blue, left axis) and the median shift error in pixels (orange, right axis) after each epoch. Filled marks: epochs that searched the poses.</source>
        <translation>Wie weit die bisher gefundenen Orientierungen von den wahren entfernt sind (nur synthetische Daten): der Median des Rotationsfehlers in Grad (blau, linke Achse) und der Median des Verschiebungsfehlers in Pixeln (orange, rechte Achse) nach jeder Epoche. Gefüllte Markierungen: Epochen, in denen die Orientierungen gesucht wurden.</translation>
    </message>
    <message>
        <location filename="../widgets/PoseErrorView.cpp" line="108"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/PoseErrorView.cpp" line="110"/>
        <source>0 px</source>
        <translation>0 px</translation>
    </message>
    <message>
        <location filename="../widgets/PoseErrorView.cpp" line="113"/>
        <source>epoch (1 … %1)</source>
        <translation>Epoche (1 … %1)</translation>
    </message>
    <message>
        <location filename="../widgets/PoseErrorView.cpp" line="115"/>
        <source>median pose error: rotation (°), shift (px)</source>
        <translation>Median des Orientierungsfehlers: Rotation (°), Verschiebung (px)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Movie rendering needs an X display or xvfb-run (e.g. xvfb-run -a cryoscape movie ...): no OpenGL 3.2 context could be created on the Qt platform &quot;%1&quot;.</source>
        <translation type="vanished">Das Rendern von Filmen braucht eine X-Anzeige oder xvfb-run (z. B. xvfb-run -a cryoscape movie ...): Auf der Qt-Plattform &quot;%1&quot; konnte kein OpenGL-3.2-Kontext erstellt werden.</translation>
    </message>
    <message>
        <source>Movie rendering needs a graphical application (QGuiApplication).</source>
        <translation type="vanished">Das Rendern von Filmen braucht eine grafische Anwendung (QGuiApplication).</translation>
    </message>
    <message>
        <source>Movie rendering needs OpenGL 3.2 core; this display offers %1.%2.</source>
        <translation type="vanished">Das Rendern von Filmen braucht OpenGL 3.2 core; diese Anzeige bietet %1.%2.</translation>
    </message>
    <message>
        <source>No OpenGL context could be created (needed: OpenGL %1.%2 core).</source>
        <translation type="vanished">Es konnte kein OpenGL-Kontext erstellt werden (benötigt: OpenGL %1.%2 core).</translation>
    </message>
    <message>
        <source>An OpenGL context was created but could not be made current.</source>
        <translation type="vanished">Ein OpenGL-Kontext wurde erstellt, konnte aber nicht aktiviert werden.</translation>
    </message>
    <message>
        <source>OpenGL %1.%2 is available (%3); the 3D view needs OpenGL %4.%5 core.</source>
        <translation type="vanished">OpenGL %1.%2 ist verfügbar (%3); die 3D-Ansicht braucht OpenGL %4.%5 core.</translation>
    </message>
    <message>
        <source>There is no graphical application (QGuiApplication) to show OpenGL in.</source>
        <translation type="vanished">Es gibt keine grafische Anwendung (QGuiApplication), in der OpenGL angezeigt werden kann.</translation>
    </message>
    <message>
        <source>The Qt platform &quot;%1&quot; cannot show OpenGL views (run with a display, e.g. under xvfb-run, for the 3D view).</source>
        <translation type="vanished">Die Qt-Plattform &quot;%1&quot; kann keine OpenGL-Ansichten zeigen (für die 3D-Ansicht mit einer Anzeige starten, z. B. unter xvfb-run).</translation>
    </message>
    <message>
        <source>Qt was set up for OpenGL ES; the 3D view needs desktop OpenGL 3.2 core.</source>
        <translation type="vanished">Qt wurde für OpenGL ES eingerichtet; die 3D-Ansicht braucht Desktop-OpenGL 3.2 core.</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <location filename="../app/RecentFiles.cpp" line="44"/>
        <source>(no recent files)</source>
        <translation>(keine zuletzt geöffneten Dateien)</translation>
    </message>
    <message>
        <location filename="../app/RecentFiles.cpp" line="47"/>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>RunFollowController</name>
    <message>
        <location filename="../app/RunFollowController.cpp" line="72"/>
        <source>No longer followed</source>
        <translation>Nicht mehr verfolgt</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="73"/>
        <source>Another run was opened: %1 is no longer followed.</source>
        <translation>Ein anderer Lauf wurde geöffnet: %1 wird nicht mehr verfolgt.</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="91"/>
        <source>%1 is still being trained, but the Training monitor shows this window&apos;s own run: it is opened as it is now.</source>
        <translation>%1 wird noch trainiert, aber der Trainingsmonitor zeigt den eigenen Lauf dieses Fensters: er wird so geöffnet, wie er jetzt ist.</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="162"/>
        <source>Following: epoch %1 of %2 written</source>
        <translation>Verfolgt: Epoche %1 von %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="182"/>
        <source>Stopped at epoch %1 of %2</source>
        <translation>Bei Epoche %1 von %2 angehalten</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="184"/>
        <source>%1 Run directory: %2</source>
        <translation>%1 Laufverzeichnis: %2</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="192"/>
        <source>Following a run trained by process %1 on %2 (read only; refreshed as each epoch arrives). Run directory: %3</source>
        <translation>Verfolgt einen Lauf, den Prozess %1 auf %2 trainiert (nur lesend; aktualisiert mit jeder neuen Epoche). Laufverzeichnis: %3</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="203"/>
        <source>The followed run finished: %1 epochs.</source>
        <translation>Der verfolgte Lauf ist fertig: %1 Epochen.</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="205"/>
        <source>The followed run was cancelled after epoch %1 of %2.</source>
        <translation>Der verfolgte Lauf wurde nach Epoche %1 von %2 abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="207"/>
        <source>The run failed at epoch %1 of %2: %3</source>
        <translation>Der Lauf ist bei Epoche %1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="217"/>
        <source>process %1 on %2 is gone</source>
        <translation>Prozess %1 auf %2 existiert nicht mehr</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="218"/>
        <source>no heartbeat from process %1 on %2 for over %3 s</source>
        <translation>seit über %3 s kein Lebenszeichen von Prozess %1 auf %2</translation>
    </message>
    <message>
        <location filename="../app/RunFollowController.cpp" line="222"/>
        <source>The run stopped at epoch %1 of %2 (%3); it is explored as it is.</source>
        <translation>Der Lauf ist bei Epoche %1 von %2 stehen geblieben (%3); er wird so erkundet, wie er ist.</translation>
    </message>
</context>
<context>
    <name>RunLoader</name>
    <message>
        <location filename="../app/RunLoader.cpp" line="21"/>
        <source>Importing the cryoDRGN run</source>
        <translation>cryoDRGN-Lauf wird importiert</translation>
    </message>
    <message>
        <location filename="../app/RunLoader.cpp" line="32"/>
        <source>Reading run.h5</source>
        <translation>run.h5 wird gelesen</translation>
    </message>
    <message>
        <location filename="../app/RunLoader.cpp" line="45"/>
        <source>Computing PCA and k-means</source>
        <translation>PCA und k-means werden berechnet</translation>
    </message>
    <message>
        <location filename="../app/RunLoader.cpp" line="48"/>
        <source>Reading the particles</source>
        <translation>Partikel werden gelesen</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <location filename="../app/RunSummary.cpp" line="16"/>
        <source>Run: %1</source>
        <translation>Lauf: %1</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="18"/>
        <source>cryoDRGN run, epoch %1: %2</source>
        <translation>cryoDRGN-Lauf, Epoche %1: %2</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="19"/>
        <source>Particles: %1 (%2 images, box %3 px, %4 Å/px)</source>
        <translation>Partikel: %1 (%2 Bilder, Box %3 px, %4 Å/px)</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="24"/>
        <source>Model: homogeneous, decoder %1 × %2</source>
        <translation>Modell: homogen, Decoder %1 × %2</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="27"/>
        <source>Model: %1 latent dimensions, encoder %2 × %3, decoder %4 × %5</source>
        <translation>Modell: %1 latente Dimensionen, Encoder %2 × %3, Decoder %4 × %5</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="42"/>
        <source>Epochs: %1 of %2 (batch %3, learning rate %4, β %5, %6)</source>
        <translation>Epochen: %1 von %2 (Stapelgröße %3, Lernrate %4, β %5, %6)</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="53"/>
        <source>Last loss: %1 (MSE %2, KL %3); %4 s of training</source>
        <translation>Letzter Verlust: %1 (MSE %2, KL %3); %4 s Training</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="66"/>
        <source>%1 · cryoDRGN run, epoch %2</source>
        <translation>%1 · cryoDRGN-Lauf, Epoche %2</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="35"/>
        <source>Poses: searched ab initio every %1 epochs, model reset %2, base grid %3%4</source>
        <translation>Orientierungen: ab initio alle %1 Epochen gesucht, Zurücksetzen des Modells: %2, Basisgitter %3%4</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="37"/>
        <source>after epoch %1</source>
        <translation>nach Epoche %1</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="37"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../app/RunSummary.cpp" line="39"/>
        <source>; last searched in epoch %1</source>
        <translation>; zuletzt gesucht in Epoche %1</translation>
    </message>
</context>
<context>
    <name>RunTables</name>
    <message>
        <location filename="../app/RunTables.cpp" line="192"/>
        <source>run.h5 does not name its particles</source>
        <translation>run.h5 gibt keine Partikeldatei an</translation>
    </message>
    <message>
        <location filename="../app/RunTables.cpp" line="198"/>
        <source>%1 has %2 particles, the run %3</source>
        <translation>%1 hat %2 Partikel, der Lauf %3</translation>
    </message>
</context>
<context>
    <name>ScatterDecorations</name>
    <message>
        <location filename="../widgets/ScatterDecorations.cpp" line="119"/>
        <source>… %1 more</source>
        <translation>… %1 weitere</translation>
    </message>
</context>
<context>
    <name>ScatterPanel</name>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="33"/>
        <source>Shift: add, Ctrl: subtract, Shift+Ctrl: intersect.</source>
        <translation>Umschalt: hinzufügen, Strg: abziehen, Umschalt+Strg: Schnittmenge bilden.</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="35"/>
        <source>Pointer</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="35"/>
        <source>Click a particle; drag to pan; wheel to zoom.</source>
        <translation>Partikel anklicken; ziehen zum Verschieben; Mausrad zum Zoomen.</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="36"/>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="36"/>
        <source>Draw around particles to select them. %1</source>
        <translation>Partikel umfahren, um sie auszuwählen. %1</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="37"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="37"/>
        <source>Drag a rectangle to select particles. %1</source>
        <translation>Ein Rechteck ziehen, um Partikel auszuwählen. %1</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="54"/>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="54"/>
        <source>Fit all particles (Home)</source>
        <translation>Alle Partikel einpassen (Pos1)</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="65"/>
        <source>Axes:</source>
        <translation>Achsen:</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="67"/>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="38"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../widgets/ScatterPanel.cpp" line="38"/>
        <source>Draw a path: click particles to set the anchors of a trajectory; double-click or Enter finishes, Esc cancels. The path follows the latent kNN graph through them.</source>
        <translation>Einen Pfad zeichnen: Partikel anklicken, um die Ankerpunkte einer Trajektorie zu setzen; Doppelklick oder Eingabetaste beendet, Esc bricht ab. Der Pfad folgt dem latenten kNN-Graphen durch sie hindurch.</translation>
    </message>
</context>
<context>
    <name>SelectionModel</name>
    <message>
        <location filename="../widgets/SelectionModel.cpp" line="53"/>
        <source>Selection %1</source>
        <translation>Auswahl %1</translation>
    </message>
</context>
<context>
    <name>SelectionPanel</name>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="45"/>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="45"/>
        <source>Particles</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="86"/>
        <source>Save as new</source>
        <translation>Als neue speichern</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="86"/>
        <source>Save the current selection as a named selection</source>
        <translation>Die aktuelle Auswahl als benannte Auswahl speichern</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="88"/>
        <source>Make current</source>
        <translation>Zur aktuellen machen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="88"/>
        <source>Make the chosen named selection the current one</source>
        <translation>Die gewählte benannte Auswahl zur aktuellen machen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="92"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="92"/>
        <source>Rename the chosen named selection</source>
        <translation>Die gewählte benannte Auswahl umbenennen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="96"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="96"/>
        <source>Delete the chosen named selection</source>
        <translation>Die gewählte benannte Auswahl löschen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="100"/>
        <source>Invert</source>
        <translation>Invertieren</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="100"/>
        <source>Select every particle that is not selected</source>
        <translation>Alle Partikel auswählen, die nicht ausgewählt sind</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="101"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="101"/>
        <source>Select nothing</source>
        <translation>Nichts auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="102"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="103"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="104"/>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="104"/>
        <source>Change the colour of the chosen named selection</source>
        <translation>Farbe der gewählten benannten Auswahl ändern</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="108"/>
        <source>Selection colour</source>
        <translation>Auswahlfarbe</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="121"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="121"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="121"/>
        <source>Subtract</source>
        <translation>Abziehen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="121"/>
        <source>Intersect</source>
        <translation>Schnittmenge</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="122"/>
        <source>Picks:</source>
        <translation>Auswahlmodus:</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="126"/>
        <source>Select cluster</source>
        <translation>Cluster auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="129"/>
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="133"/>
        <source>Column:</source>
        <translation>Spalte:</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="144"/>
        <source>Select range</source>
        <translation>Bereich auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="146"/>
        <source>Range:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="206"/>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="216"/>
        <source>%1 in [%2, %3]</source>
        <translation>%1 in [%2, %3]</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="223"/>
        <source>Current selection: %1 of %2 particles</source>
        <translation>Aktuelle Auswahl: %1 von %2 Partikeln</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="245"/>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <location filename="../widgets/SelectionPanel.cpp" line="246"/>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../app/SessionController.cpp" line="48"/>
        <source>Open &amp;Session…</source>
        <translation>&amp;Sitzung öffnen…</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="49"/>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="50"/>
        <source>Cryoscape sessions (*.session.h5 *.autosave *.h5);;All files (*)</source>
        <translation>Cryoscape-Sitzungen (*.session.h5 *.autosave *.h5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="54"/>
        <source>&amp;Save Session…</source>
        <translation>Sitzung spei&amp;chern…</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="100"/>
        <location filename="../app/SessionController.cpp" line="106"/>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="125"/>
        <location filename="../app/SessionController.cpp" line="221"/>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="125"/>
        <source>Open a run first: a session records how a run is explored.</source>
        <translation>Zuerst einen Lauf öffnen: Eine Sitzung hält fest, wie ein Lauf erkundet wird.</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="131"/>
        <source>Cannot save the session</source>
        <translation>Sitzung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="136"/>
        <source>Session saved to %1</source>
        <translation>Sitzung gespeichert unter %1</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="146"/>
        <source>Restore Autosave</source>
        <translation>Automatische Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="147"/>
        <source>An autosaved exploration state from %1 was found. Restore it?</source>
        <translation>Ein automatisch gespeicherter Erkundungsstand vom %1 wurde gefunden. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="158"/>
        <location filename="../app/SessionController.cpp" line="177"/>
        <location filename="../app/SessionController.cpp" line="183"/>
        <source>Cannot open the session</source>
        <translation>Sitzung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="177"/>
        <source>%1: its run %2 cannot be explored</source>
        <translation>%1: sein Lauf %2 kann nicht erkundet werden</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="183"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="196"/>
        <source>Cannot restore the autosave</source>
        <translation>Automatische Sicherung kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="210"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/SessionController.cpp" line="222"/>
        <source>Cryoscape sessions (*.session.h5);;HDF5 files (*.h5)</source>
        <translation>Cryoscape-Sitzungen (*.session.h5);;HDF5-Dateien (*.h5)</translation>
    </message>
</context>
<context>
    <name>ThresholdPanel</name>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="24"/>
        <source>Contour level within the map&apos;s value range</source>
        <translation>Konturhöhe im Wertebereich der Karte</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="28"/>
        <source>Contour level in the map&apos;s own units</source>
        <translation>Konturhöhe in den Einheiten der Karte</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="32"/>
        <source> σ</source>
        <translation> σ</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="34"/>
        <source>Contour level in standard deviations above the mean</source>
        <translation>Konturhöhe in Standardabweichungen über dem Mittelwert</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="39"/>
        <source>Level:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="40"/>
        <source>Above mean:</source>
        <translation>Über Mittelwert:</translation>
    </message>
    <message>
        <location filename="../widgets/ThresholdPanel.cpp" line="68"/>
        <source>Range %1 … %2, mean %3, σ %4</source>
        <translation>Bereich %1 … %2, Mittelwert %3, σ %4</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/TrainingController.cpp" line="67"/>
        <source>Training diverged (the last good checkpoint is kept): %1</source>
        <translation>Training divergiert (der letzte gute Kontrollpunkt bleibt erhalten): %1</translation>
    </message>
    <message>
        <location filename="../app/TrainingController.cpp" line="75"/>
        <source>Training stopped with an unknown error.</source>
        <translation>Training mit unbekanntem Fehler beendet.</translation>
    </message>
</context>
<context>
    <name>TrainingDefaults</name>
    <message>
        <source>Defaults: %1 positional encoding, encoder %2×%3 and decoder %4×%5, batch %6, learning rate %7, KL weight β = 1/zdim. Why: cryoDRGN&apos;s own defaults, so a run compares directly with cryoDRGN&apos;s, except the learning rate, which followed the motion in fewer epochs than cryoDRGN&apos;s 1e-4 (docs/training.md).</source>
        <translation type="vanished">Vorgaben: %1 Positionskodierung, Encoder %2×%3 und Decoder %4×%5, Batch %6, Lernrate %7, KL-Gewicht β = 1/zdim. Warum: cryoDRGNs eigene Vorgaben, so lässt sich ein Lauf direkt mit einem von cryoDRGN vergleichen, außer der Lernrate, die der Bewegung in weniger Epochen folgte als cryoDRGNs 1e-4 (docs/training.md).</translation>
    </message>
    <message>
        <location filename="../app/TrainingDefaults.cpp" line="12"/>
        <source>Defaults: %1 positional encoding, encoder %2×%3 and decoder %4×%5, batch %6, learning rate %7, KL weight β = 1/zdim, the encoder sees each image turned to a canonical in-plane angle. Why: cryoDRGN&apos;s own defaults, so a run compares directly with cryoDRGN&apos;s, except the learning rate and the turned images, with which the latent followed the motion in fewer epochs than with cryoDRGN&apos;s 1e-4 and images as recorded (docs/training.md).</source>
        <translation>Vorgaben: %1 Positionskodierung, Encoder %2×%3 und Decoder %4×%5, Batch %6, Lernrate %7, KL-Gewicht β = 1/zdim, der Encoder sieht jedes Bild auf einen kanonischen Drehwinkel in der Bildebene gedreht. Warum: cryoDRGNs eigene Vorgaben, so lässt sich ein Lauf direkt mit einem von cryoDRGN vergleichen, außer der Lernrate und den gedrehten Bildern, mit denen der latente Raum der Bewegung in weniger Epochen folgte als mit cryoDRGNs 1e-4 und Bildern wie aufgenommen (docs/training.md).</translation>
    </message>
    <message>
        <location filename="../app/TrainingDefaults.cpp" line="19"/>
        <source>Gaussian</source>
        <translation>Gaußsche</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="46"/>
        <source>layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="73"/>
        <source>Train a Model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="85"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="86"/>
        <source>Start training a new model in the output directory.</source>
        <translation>Ein neues Modell im Ausgabeverzeichnis trainieren.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="88"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="89"/>
        <source>Continue the run already in the output directory from its last saved epoch.</source>
        <translation>Den Lauf im Ausgabeverzeichnis ab seiner zuletzt gespeicherten Epoche fortsetzen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="127"/>
        <location filename="../app/TrainingDialogForm.cpp" line="140"/>
        <location filename="../app/TrainingDialogForm.cpp" line="157"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="129"/>
        <source>Particles to Train On</source>
        <translation>Partikel für das Training</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="130"/>
        <source>Particle datasets (*.star *.cs *.mrcs *.txt);;All files (*)</source>
        <translation>Partikeldatensätze (*.star *.cs *.mrcs *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="135"/>
        <source>Particles:</source>
        <translation>Partikel:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="137"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="138"/>
        <source>Where to look for the image stacks (.mrcs) when they are not where the particle file says, e.g. after copying a RELION project.</source>
        <translation>Wo nach den Bildstapeln (.mrcs) gesucht wird, wenn sie nicht dort liegen, wo die Partikeldatei angibt, z. B. nach dem Kopieren eines RELION-Projekts.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="142"/>
        <source>Image Directory</source>
        <translation>Bildverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="149"/>
        <source>Image directory:</source>
        <translation>Bildverzeichnis:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="155"/>
        <source>Where the run is written: run.h5 (losses and latent coordinates) and a checkpoint after every epoch. Created if it does not exist.</source>
        <translation>Wohin der Lauf geschrieben wird: run.h5 (Verluste und latente Koordinaten) und ein Kontrollpunkt nach jeder Epoche. Wird angelegt, falls es nicht existiert.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="159"/>
        <source>Run Directory</source>
        <translation>Laufverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="165"/>
        <source>Output directory:</source>
        <translation>Ausgabeverzeichnis:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="172"/>
        <source>Homogeneous (no latent space)</source>
        <translation>Homogen (kein latenter Raum)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="173"/>
        <source>Learn a single structure for all particles: no encoder and no latent coordinates. A quick baseline before looking for heterogeneity.</source>
        <translation>Eine einzige Struktur für alle Partikel lernen: kein Encoder und keine latenten Koordinaten. Eine schnelle Referenz, bevor nach Heterogenität gesucht wird.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="176"/>
        <source>How many numbers describe each particle&apos;s conformation. 8 is a good start; 1 suits a single motion, more can capture several independent changes.</source>
        <translation>Wie viele Zahlen die Konformation jedes Partikels beschreiben. 8 ist ein guter Anfang; 1 passt zu einer einzelnen Bewegung, mehr können mehrere unabhängige Änderungen erfassen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="185"/>
        <source>Latent dimensions:</source>
        <translation>Latente Dimensionen:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="186"/>
        <source>Neurons per layer: wider networks learn finer detail but train more slowly.</source>
        <translation>Neuronen pro Schicht: breitere Netze lernen feinere Details, trainieren aber langsamer.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="187"/>
        <source>Number of hidden layers: deeper networks can model more complex changes.</source>
        <translation>Anzahl der verborgenen Schichten: tiefere Netze können komplexere Änderungen modellieren.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="188"/>
        <location filename="../app/TrainingDialogForm.cpp" line="189"/>
        <source>Encoder (image → latent coordinates). </source>
        <translation>Encoder (Bild → latente Koordinaten). </translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="190"/>
        <location filename="../app/TrainingDialogForm.cpp" line="191"/>
        <source>Decoder (coordinates → density). </source>
        <translation>Decoder (Koordinaten → Dichte). </translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="194"/>
        <source>Encoder:</source>
        <translation>Encoder:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="195"/>
        <source>Decoder:</source>
        <translation>Decoder:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="200"/>
        <source>How many times the model sees every particle. 20–50 is typical; you can stop early and resume later.</source>
        <translation>Wie oft das Modell jedes Partikel sieht. 20–50 sind üblich; das Training kann früher angehalten und später fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="202"/>
        <source>Images per optimisation step. Small batches (8) learn faster per epoch; larger ones run faster per image.</source>
        <translation>Bilder pro Optimierungsschritt. Kleine Stapel (8) lernen pro Epoche schneller; größere laufen pro Bild schneller.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="205"/>
        <source>Step size of the optimiser (Adam). Lower it (e.g. 5e-5) if the loss jumps around or becomes NaN.</source>
        <translation>Schrittweite des Optimierers (Adam). Verringern (z. B. 5e-5), wenn der Verlust springt oder NaN wird.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="207"/>
        <source>automatic (1 / latent dimensions)</source>
        <translation>automatisch (1 / latente Dimensionen)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="210"/>
        <source>Weight of the KL term that keeps the latent space smooth and centred. Larger values give a tidier but less detailed latent space.</source>
        <translation>Gewicht des KL-Terms, der den latenten Raum glatt und zentriert hält. Größere Werte ergeben einen aufgeräumteren, aber weniger detaillierten latenten Raum.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="222"/>
        <source>Starting point of the random numbers: the same seed and settings give the same run.</source>
        <translation>Ausgangspunkt der Zufallszahlen: gleicher Startwert und gleiche Einstellungen ergeben denselben Lauf.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="225"/>
        <source>CPU cores used for training. Leave one free to keep the rest of the computer responsive.</source>
        <translation>Für das Training genutzte CPU-Kerne. Einen frei lassen, damit der Rest des Computers reaktionsfähig bleibt.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="228"/>
        <source>fp32 (exact)</source>
        <translation>fp32 (exakt)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="229"/>
        <source>bf16 (faster on recent CPUs)</source>
        <translation>bf16 (schneller auf neueren CPUs)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="230"/>
        <source>Number format of the network&apos;s matrix products. bf16 is faster on CPUs that support it, with slightly less precise losses.</source>
        <translation>Zahlenformat der Matrixprodukte des Netzes. bf16 ist auf CPUs, die es unterstützen, schneller, bei etwas weniger genauen Verlusten.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="234"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="235"/>
        <source>Batch size:</source>
        <translation>Stapelgröße:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="236"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="237"/>
        <source>KL weight β:</source>
        <translation>KL-Gewicht β:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="238"/>
        <source>Random seed:</source>
        <translation>Zufallsstartwert:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="239"/>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="240"/>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="245"/>
        <source>The settings a new run starts from; any of them can be changed above.</source>
        <translation>Die Einstellungen, mit denen ein neuer Lauf beginnt; jede davon lässt sich oben ändern.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="255"/>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="257"/>
        <source>Memory the whole program may hold while training. The particle images get what the program, the model and the particle metadata leave of it: held in memory when they fit, else read from the stacks during training, a window of images ahead of the model. Default: a quarter of this computer&apos;s memory (%1 GB).</source>
        <translation>Speicher, den das ganze Programm während des Trainings belegen darf. Die Partikelbilder erhalten, was Programm, Modell und Partikel-Metadaten davon übrig lassen: im Speicher gehalten, wenn sie hineinpassen, sonst während des Trainings aus den Stapeln gelesen, ein Fenster von Bildern vor dem Modell. Vorgabe: ein Viertel des Arbeitsspeichers dieses Computers (%1 GB).</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="269"/>
        <source>Memory bound (whole program):</source>
        <translation>Speichergrenze (ganzes Programm):</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="43"/>
        <source>the images take %1 GB: held in memory</source>
        <translation>die Bilder belegen %1 GB: im Speicher gehalten</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="44"/>
        <source>the images take %1 GB: read from disk during training</source>
        <translation>die Bilder belegen %1 GB: während des Trainings von der Festplatte gelesen</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="85"/>
        <source>%1 particles · box %2 px · %3 Å/px</source>
        <translation>%1 Partikel · Box %2 px · %3 Å/px</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="139"/>
        <source> (epoch %1 of %2 done; its settings are shown below)</source>
        <translation> (Epoche %1 von %2 abgeschlossen; seine Einstellungen sind unten gezeigt)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="154"/>
        <source> (its run.h5 cannot be read: %1)</source>
        <translation> (seine run.h5 kann nicht gelesen werden: %1)</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="157"/>
        <source>This directory already holds a run%1. Resume continues it; Train starts it over and replaces it.</source>
        <translation>Dieses Verzeichnis enthält bereits einen Lauf%1. „Fortsetzen“ setzt ihn fort; „Trainieren“ beginnt ihn neu und ersetzt ihn.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="257"/>
        <source>Choose the particle file to train on.</source>
        <translation>Die Partikeldatei für das Training wählen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="259"/>
        <source>The particle file %1 does not exist.</source>
        <translation>Die Partikeldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="262"/>
        <source>The particle file cannot be used: %1</source>
        <translation>Die Partikeldatei ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="264"/>
        <source>The particle file holds no particles.</source>
        <translation>Die Partikeldatei enthält keine Partikel.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="267"/>
        <source>Choose an output directory for the run.</source>
        <translation>Ein Ausgabeverzeichnis für den Lauf wählen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="270"/>
        <source>The image directory %1 does not exist.</source>
        <translation>Das Bildverzeichnis %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="272"/>
        <source>The output directory %1 is a file.</source>
        <translation>Das Ausgabeverzeichnis %1 ist eine Datei.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="276"/>
        <source>The learning rate must be a number above 0 and at most 1 (e.g. 1e-4), not “%1”.</source>
        <translation>Die Lernrate muss eine Zahl über 0 und höchstens 1 sein (z. B. 1e-4), nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="281"/>
        <source>β must be a number of at least 0 (e.g. 0.125), not “%1”.</source>
        <translation>β muss eine Zahl von mindestens 0 sein (z. B. 0.125), nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="284"/>
        <source>The batch size (%1) is larger than the number of particles (%2).</source>
        <translation>Die Stapelgröße (%1) ist größer als die Anzahl der Partikel (%2).</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="299"/>
        <source>There is no run to resume in %1.</source>
        <translation>In %1 gibt es keinen Lauf zum Fortsetzen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="304"/>
        <source>Start Over?</source>
        <translation>Neu beginnen?</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialog.cpp" line="305"/>
        <source>%1 already holds a run. Start a new one there and replace it?</source>
        <translation>%1 enthält bereits einen Lauf. Dort einen neuen starten und ihn ersetzen?</translation>
    </message>
    <message>
        <location filename="../app/TrainingDialogForm.cpp" line="125"/>
        <source>The particle images to learn from: a RELION .star, a cryoSPARC .cs or an .mrcs stack. CTF (and poses, unless searched ab initio) are taken from it.</source>
        <translation>Die Partikelbilder, aus denen gelernt wird: eine RELION-.star, eine cryoSPARC-.cs oder ein .mrcs-Stapel. CTF (und Orientierungen, sofern sie nicht ab initio gesucht werden) werden daraus übernommen.</translation>
    </message>
</context>
<context>
    <name>TrainingDockController</name>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="25"/>
        <location filename="../app/TrainingDockController.cpp" line="78"/>
        <location filename="../app/TrainingDockController.cpp" line="87"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="31"/>
        <source>Training &amp;Monitor</source>
        <translation>Trainings&amp;monitor</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="45"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="49"/>
        <source>&amp;Train…</source>
        <translation>&amp;Trainieren…</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="51"/>
        <source>Train a model of the structural heterogeneity of a particle dataset</source>
        <translation>Ein Modell der strukturellen Heterogenität eines Partikeldatensatzes trainieren</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="78"/>
        <location filename="../app/TrainingDockController.cpp" line="87"/>
        <source>A training run is already going. Cancel it first.</source>
        <translation>Es läuft bereits ein Training. Zuerst abbrechen.</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="107"/>
        <source>Resuming training…</source>
        <translation>Training wird fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="107"/>
        <source>Training starts…</source>
        <translation>Training startet…</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="120"/>
        <source>PC 1</source>
        <translation>PC 1</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="120"/>
        <source>PC 2</source>
        <translation>PC 2</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="130"/>
        <source>particle</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="136"/>
        <source>PCA of z</source>
        <translation>PCA von z</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="146"/>
        <source>Pose search: epoch %1/%2</source>
        <translation>Orientierungssuche: Epoche %1/%2</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="148"/>
        <source>Training: epoch %1/%2 · %3 left</source>
        <translation>Training: Epoche %1/%2 · %3 verbleibend</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="159"/>
        <source>Training cancelled after epoch %1</source>
        <translation>Training nach Epoche %1 abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="162"/>
        <source>Training finished: %1 epochs</source>
        <translation>Training abgeschlossen: %1 Epochen</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="170"/>
        <location filename="../app/TrainingDockController.cpp" line="171"/>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="181"/>
        <source>Quit Cryoscape</source>
        <translation>Cryoscape beenden</translation>
    </message>
    <message>
        <location filename="../app/TrainingDockController.cpp" line="182"/>
        <source>Training is running — stop it and quit? The last finished epoch is kept and can be resumed.</source>
        <translation>Ein Training läuft — anhalten und beenden? Die letzte abgeschlossene Epoche bleibt erhalten und kann fortgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>TrainingMonitor</name>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="33"/>
        <source>Preparing images</source>
        <translation>Bilder werden vorbereitet</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="35"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="37"/>
        <source>Saving checkpoint</source>
        <translation>Kontrollpunkt wird gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="56"/>
        <source>What the training job is doing now.</source>
        <translation>Was der Trainingsjob gerade tut.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="57"/>
        <source>The epoch in progress: one epoch shows every particle image to the model once.</source>
        <translation>Die laufende Epoche: In einer Epoche sieht das Modell jedes Partikelbild einmal.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="58"/>
        <source>Particle images processed per second.</source>
        <translation>Verarbeitete Partikelbilder pro Sekunde.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="59"/>
        <source>Estimated time until the last epoch ends (hours:minutes:seconds).</source>
        <translation>Geschätzte Zeit bis zum Ende der letzten Epoche (Stunden:Minuten:Sekunden).</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="60"/>
        <source>Running means over the current epoch: total loss = MSE + β·KL.</source>
        <translation>Laufende Mittelwerte über die aktuelle Epoche: Gesamtverlust = MSE + β·KL.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="62"/>
        <source>Stage:</source>
        <translation>Phase:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="63"/>
        <source>Epoch:</source>
        <translation>Epoche:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="64"/>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="65"/>
        <source>Time left:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="66"/>
        <source>Loss:</source>
        <translation>Verlust:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="72"/>
        <source>How far the latest pose search moved the poses from the previous search&apos;s: medians over the particles, after the best global rotation (real data too). Below twice the finest step of the search the poses have settled: the ab initio search has converged.</source>
        <translation>Wie weit die letzte Orientierungssuche die Orientierungen gegenüber der vorigen Suche verschoben hat: Mediane über die Partikel, nach der besten globalen Drehung (auch bei echten Daten). Unter dem doppelten feinsten Schritt der Suche haben sich die Orientierungen gesetzt: die Ab-initio-Suche ist konvergiert.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="76"/>
        <source>Pose change:</source>
        <translation>Orientierungsänderung:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="78"/>
        <source>Two half maps backprojected with the latest searched poses (up to 5,000 particles): the resolution where their FSC drops below 0.143 (Nyquist when it never does). It improves while the poses do and levels off when the search has converged. Both halves were searched against the same model, so they agree more than independent halves would: a sign of convergence, not a validation.</source>
        <translation>Zwei Halbkarten, mit den zuletzt gesuchten Orientierungen rückprojiziert (bis zu 5.000 Partikel): die Auflösung, bei der ihre FSC unter 0,143 fällt (Nyquist, wenn sie es nie tut). Sie wird besser, solange die Orientierungen besser werden, und bleibt stehen, wenn die Suche konvergiert ist. Beide Hälften wurden gegen dasselbe Modell gesucht und stimmen daher besser überein als unabhängige Hälften: ein Zeichen der Konvergenz, keine Validierung.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="83"/>
        <source>Half maps:</source>
        <translation>Halbkarten:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="89"/>
        <source>Progress over the whole run.</source>
        <translation>Fortschritt über den gesamten Lauf.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="105"/>
        <source>No training running. Model → Train… starts one.</source>
        <translation>Kein Training aktiv. Modell → Trainieren… startet eines.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="111"/>
        <source>Logarithmic loss axis</source>
        <translation>Logarithmische Verlustachse</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="113"/>
        <source>Log scale shows the MSE and the much larger KL term together.</source>
        <translation>Die logarithmische Skala zeigt den MSE und den viel größeren KL-Term zusammen.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="136"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="137"/>
        <source>Stop training after the current batch. The last finished epoch is kept; Resume continues from it.</source>
        <translation>Das Training nach dem aktuellen Stapel anhalten. Die letzte abgeschlossene Epoche bleibt erhalten; „Fortsetzen“ macht dort weiter.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="138"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="139"/>
        <source>Continue this run from its last saved epoch.</source>
        <translation>Diesen Lauf ab seiner zuletzt gespeicherten Epoche fortsetzen.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="173"/>
        <source>Resuming</source>
        <translation>Wird fortgesetzt</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="173"/>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="175"/>
        <location filename="../widgets/TrainingMonitor.cpp" line="218"/>
        <location filename="../widgets/TrainingMonitor.cpp" line="269"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="180"/>
        <location filename="../widgets/TrainingMonitor.cpp" line="311"/>
        <source>Run directory: %1</source>
        <translation>Laufverzeichnis: %1</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="219"/>
        <source>%1 images/s</source>
        <translation>%1 Bilder/s</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="225"/>
        <source>%1  (MSE %2 · KL %3)</source>
        <translation>%1  (MSE %2 · KL %3)</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="284"/>
        <source>%1 Å at FSC 0.143 with the latest searched poses</source>
        <translation>%1 Å bei FSC 0,143 mit den zuletzt gesuchten Orientierungen</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="293"/>
        <source>%1° · %2 px since the previous search</source>
        <translation>%1° · %2 px seit der vorigen Suche</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="295"/>
        <source>%1: settled (converged; below %2°)</source>
        <translation>%1: gesetzt (konvergiert; unter %2°)</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="296"/>
        <source>%1: still moving (settled below %2°)</source>
        <translation>%1: noch in Bewegung (gesetzt unter %2°)</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="303"/>
        <source>Cancelled after epoch %1</source>
        <translation>Nach Epoche %1 abgebrochen</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="306"/>
        <source>Finished: %1 epochs in %2</source>
        <translation>Abgeschlossen: %1 Epochen in %2</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="318"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="320"/>
        <source>&lt;b&gt;Training failed:&lt;/b&gt; %1&lt;br&gt;Run directory: %2</source>
        <translation>&lt;b&gt;Training fehlgeschlagen:&lt;/b&gt; %1&lt;br&gt;Laufverzeichnis: %2</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="46"/>
        <source>%1° median rotation error (vs. truth)</source>
        <translation>%1° Median des Rotationsfehlers (gegenüber der Wahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="47"/>
        <source>%1° rotation · %2 px shift (medians vs. truth)</source>
        <translation>%1° Rotation · %2 px Verschiebung (Mediane gegenüber der Wahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="67"/>
        <source>How far the latest searched poses are from the true ones (synthetic data with a truth.h5 only), after one global rotation: median errors.</source>
        <translation>Wie weit die zuletzt gesuchten Orientierungen von den wahren entfernt sind (nur synthetische Daten mit truth.h5), nach einer globalen Rotation: Mediane der Fehler.</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="69"/>
        <source>Pose error:</source>
        <translation>Orientierungsfehler:</translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="242"/>
        <source>Pose search (epoch %1): %2 / %3 images, %4 images/s</source>
        <translation>Orientierungssuche (Epoche %1): %2 / %3 Bilder, %4 Bilder/s</translation>
    </message>
</context>
<context>
    <name>TrajectoryController</name>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="23"/>
        <location filename="../app/TrajectoryController.cpp" line="29"/>
        <source>Trajectory</source>
        <translation>Trajektorie</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="27"/>
        <source>&amp;Trajectory…</source>
        <translation>&amp;Trajektorie…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="29"/>
        <source>Open a run first.</source>
        <translation>Zuerst einen Lauf öffnen.</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="35"/>
        <source>Maps along a PC of z, through the k-means centres or along a path drawn on a panel</source>
        <translation>Karten entlang einer PC von z, durch die k-means-Zentren oder entlang eines auf einem Panel gezeichneten Pfads</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="38"/>
        <source>Export Shown &amp;Map…</source>
        <translation>&amp;Angezeigte Karte exportieren…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="39"/>
        <source>Write the map in the 3D view as .mrc</source>
        <translation>Die Karte der 3D-Ansicht als .mrc schreiben</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="40"/>
        <source>Export &amp;Trajectory Maps…</source>
        <translation>&amp;Trajektorienkarten exportieren…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="41"/>
        <source>Write every frame of the trajectory as .mrc with a ChimeraX script</source>
        <translation>Jedes Bild der Trajektorie als .mrc mit einem ChimeraX-Skript schreiben</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="71"/>
        <location filename="../app/TrajectoryController.cpp" line="130"/>
        <source>Export Shown Map</source>
        <translation>Angezeigte Karte exportieren</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="71"/>
        <source>No map is shown.</source>
        <translation>Es wird keine Karte angezeigt.</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="77"/>
        <location filename="../app/TrajectoryController.cpp" line="121"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="80"/>
        <source>Wrote %1 (%2 × %3 × %4, %5 Å/voxel)</source>
        <translation>%1 geschrieben (%2 × %3 × %4, %5 Å/Voxel)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="92"/>
        <location filename="../app/TrajectoryController.cpp" line="97"/>
        <source>Export Trajectory Maps</source>
        <translation>Trajektorienkarten exportieren</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="92"/>
        <source>Compute a trajectory first (Analysis → Trajectory…).</source>
        <translation>Zuerst eine Trajektorie berechnen (Analyse → Trajektorie…).</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="98"/>
        <source>The frames are still being decoded (%1). Try again when all are done.</source>
        <translation>Die Bilder werden noch dekodiert (%1). Erneut versuchen, wenn alle fertig sind.</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="124"/>
        <source>Wrote %1 maps and trajectory.cxc to %2</source>
        <translation>%1 Karten und trajectory.cxc nach %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="130"/>
        <source>MRC maps (*.mrc)</source>
        <translation>MRC-Karten (*.mrc)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryController.cpp" line="137"/>
        <source>Export Trajectory Maps to Folder</source>
        <translation>Trajektorienkarten in Ordner exportieren</translation>
    </message>
</context>
<context>
    <name>TrajectoryPanel</name>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="47"/>
        <source>Choose a source and press Compute, or draw a path on a panel (its “Path” tool).</source>
        <translation>Eine Quelle wählen und „Berechnen“ drücken oder einen Pfad auf einem Panel zeichnen (mit dessen Werkzeug „Pfad“).</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="62"/>
        <source>Latent graph: %1 particles, cutoff %2, mean degree %3; the largest connected part has %4 particles</source>
        <translation>Latenter Graph: %1 Partikel, Grenzwert %2, mittlerer Grad %3; die größte zusammenhängende Komponente hat %4 Partikel</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="72"/>
        <source>The latent graph could not be built: %1</source>
        <translation>Der latente Graph konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="81"/>
        <source>PC of z</source>
        <translation>PC von z</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="81"/>
        <source>k-means centres</source>
        <translation>k-means-Zentren</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="81"/>
        <source>Path drawn on a panel</source>
        <translation>Auf einem Panel gezeichneter Pfad</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="82"/>
        <source>Named selections (means)</source>
        <translation>Benannte Auswahlen (Mittel)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="91"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="95"/>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="95"/>
        <source>frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="95"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="95"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="98"/>
        <source>Frames per leg between consecutive centres of the chain</source>
        <translation>Bilder pro Abschnitt zwischen aufeinanderfolgenden Zentren der Kette</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="99"/>
        <location filename="../app/TrajectoryPanel.cpp" line="114"/>
        <source>frames per leg</source>
        <translation>Bilder pro Abschnitt</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="101"/>
        <source>At most this many frames: path nodes at evenly spaced lengths along it</source>
        <translation>Höchstens so viele Bilder: Pfadknoten in gleichmäßigen Abständen entlang des Pfads</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="106"/>
        <source>Mean number of kNN edges kept per particle (of at most %1): more joins more of the data, fewer keeps paths on dense regions</source>
        <translation>Mittlere Anzahl der pro Partikel behaltenen kNN-Kanten (von höchstens %1): mehr verbindet mehr der Daten, weniger hält Pfade in dichten Bereichen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="109"/>
        <source>no path drawn yet</source>
        <translation>noch kein Pfad gezeichnet</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="111"/>
        <source>frames ≤</source>
        <translation>Bilder ≤</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="111"/>
        <source>neighbours</source>
        <translation>Nachbarn</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="113"/>
        <source>Frames per leg between the means of consecutive named selections</source>
        <translation>Bilder pro Abschnitt zwischen den Mitteln aufeinanderfolgender benannter Auswahlen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="115"/>
        <source>through the named selections&apos; mean z, in list order</source>
        <translation>durch das mittlere z der benannten Auswahlen, in Listenreihenfolge</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="118"/>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="119"/>
        <source>Build the trajectory&apos;s frames and decode their maps in the background</source>
        <translation>Die Bilder der Trajektorie erstellen und ihre Karten im Hintergrund dekodieren</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="124"/>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="141"/>
        <location filename="../app/TrajectoryPanel.cpp" line="330"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="142"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="145"/>
        <source> frames/s</source>
        <translation> Bilder/s</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="147"/>
        <source>Export Maps…</source>
        <translation>Karten exportieren…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="148"/>
        <location filename="../app/TrajectoryPanel.cpp" line="366"/>
        <source>Write every frame as .mrc and a ChimeraX script opening them as a volume series</source>
        <translation>Jedes Bild als .mrc schreiben, dazu ein ChimeraX-Skript, das sie als Volumenserie öffnet</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="149"/>
        <source>Movie…</source>
        <translation>Film…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="150"/>
        <source>Render a movie (MP4 or GIF) along the trajectory</source>
        <translation>Einen Film (MP4 oder GIF) entlang der Trajektorie rendern</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="185"/>
        <source>drawing: %1 anchors (double-click or Enter ends)</source>
        <translation>Zeichnen: %1 Ankerpunkte (Doppelklick oder Eingabetaste beendet)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="191"/>
        <source>path cancelled</source>
        <translation>Pfad abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="225"/>
        <source>%1 anchors</source>
        <translation>%1 Ankerpunkte</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="241"/>
        <source>%1: %2 frames</source>
        <translation>%1: %2 Bilder</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="243"/>
        <source> (path length %1 in z)</source>
        <translation> (Pfadlänge %1 in z)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="289"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="309"/>
        <source>trajectory frame %1 of %2 (%3)</source>
        <translation>Trajektorienbild %1 von %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="311"/>
        <source> · particle %1</source>
        <translation> · Partikel %1</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="324"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="367"/>
        <source>Available when all frames are decoded</source>
        <translation>Verfügbar, sobald alle Bilder dekodiert sind</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="384"/>
        <source>decoded %1/%2</source>
        <translation>%1/%2 dekodiert</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanel.cpp" line="385"/>
        <source>%1 in %2 s</source>
        <translation>%1 in %2 s</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="42"/>
        <source>No path yet: choose “Path” on a panel&apos;s tool bar and click particles.</source>
        <translation>Noch kein Pfad: in der Werkzeugleiste eines Panels „Pfad“ wählen und Partikel anklicken.</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="50"/>
        <source>Building the latent graph…</source>
        <translation>Latenter Graph wird erstellt…</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="54"/>
        <source>No trajectory: %1</source>
        <translation>Keine Trajektorie: %1</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="70"/>
        <source>save at least two named selections (Selections → Save as new)</source>
        <translation>mindestens zwei benannte Auswahlen speichern (Auswahlen → Als neue speichern)</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="72"/>
        <source>means of %1</source>
        <translation>Mittel von %1</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="85"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="91"/>
        <source>. Anchors moved onto the graph&apos;s largest connected part (%1 of %2 particles; nearest in z): %3</source>
        <translation>. Ankerpunkte auf die größte zusammenhängende Komponente des Graphen verschoben (%1 von %2 Partikeln; nächste in z): %3</translation>
    </message>
    <message>
        <location filename="../app/TrajectoryPanelCompute.cpp" line="107"/>
        <source>No path: %1. The largest connected part of the graph has %2 of %3 particles: put the anchors there, or raise “neighbours”.</source>
        <translation>Kein Pfad: %1. Die größte zusammenhängende Komponente des Graphen hat %2 von %3 Partikeln: die Ankerpunkte dorthin setzen oder „Nachbarn“ erhöhen.</translation>
    </message>
</context>
<context>
    <name>ValidationController</name>
    <message>
        <location filename="../app/ValidationController.cpp" line="35"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="42"/>
        <source>&amp;Backproject Selection</source>
        <translation>Auswahl &amp;rückprojizieren</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="44"/>
        <source>Backproject the selected particles with their poses and CTF, and show the map beside the decoder&apos;s map of the same particles, with their FSC</source>
        <translation>Die ausgewählten Partikel mit ihren Orientierungen und ihrer CTF rückprojizieren und die Karte neben der Karte des Decoders für dieselben Partikel zeigen, mit ihrer FSC</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="51"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="52"/>
        <source>Backprojection cancelled</source>
        <translation>Rückprojektion abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="70"/>
        <source>A backprojection is running already.</source>
        <translation>Eine Rückprojektion läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="70"/>
        <source>Open a trained run first.</source>
        <translation>Zuerst einen trainierten Lauf öffnen.</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="76"/>
        <source>Select particles in the latent space first (lasso, rectangle or a k-means cluster).</source>
        <translation>Zuerst Partikel im latenten Raum auswählen (Lasso, Rechteck oder ein k-means-Cluster).</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="89"/>
        <source>the selection (%L1 particles)</source>
        <translation>der Auswahl (%L1 Partikel)</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="90"/>
        <source>starting…</source>
        <translation>startet …</translation>
    </message>
    <message>
        <location filename="../app/ValidationController.cpp" line="119"/>
        <source>Backprojection not done: %1</source>
        <translation>Rückprojektion nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>ValidationJob</name>
    <message>
        <location filename="../app/ValidationJob.cpp" line="29"/>
        <source>backprojecting %1 particles</source>
        <translation>%1 Partikel werden rückprojiziert</translation>
    </message>
    <message>
        <location filename="../app/ValidationJob.cpp" line="46"/>
        <source>decoding the map at the selection&apos;s mean z</source>
        <translation>die Karte am mittleren z der Auswahl wird dekodiert</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="38"/>
        <source>%1 Å</source>
        <translation>%1 Å</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="39"/>
        <source>beyond Nyquist (%1 Å)</source>
        <translation>jenseits von Nyquist (%1 Å)</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="53"/>
        <source>Decoder</source>
        <translation>Decoder</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="53"/>
        <source>Backprojection</source>
        <translation>Rückprojektion</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="55"/>
        <source>Mark density the particles do not support (decoder above the backprojection by ≥ 3 σ of its noise)</source>
        <translation>Dichte markieren, die die Partikel nicht stützen (Decoder über der Rückprojektion um ≥ 3 σ ihres Rauschens)</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="58"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="67"/>
        <source>Red: where the decoder&apos;s map, filtered like the backprojection, exceeds the backprojection of the same particles by 3 or more standard deviations of the backprojection&apos;s noise (measured between its half maps). Such density is not in the particles: the network may have made it up.</source>
        <translation>Rot: wo die Karte des Decoders, gefiltert wie die Rückprojektion, die Rückprojektion derselben Partikel um 3 oder mehr Standardabweichungen ihres Rauschens (gemessen zwischen ihren Halbkarten) übersteigt. Solche Dichte steckt nicht in den Partikeln: das Netz hat sie womöglich erfunden.</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="86"/>
        <source>Select particles in the latent space, then Analysis → Backproject Selection.</source>
        <translation>Partikel im latenten Raum auswählen, dann Analyse → Auswahl rückprojizieren.</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="101"/>
        <source>Level</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="106"/>
        <source> σ</source>
        <translation> σ</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="107"/>
        <source>Contour level in standard deviations above the map&apos;s mean (each map has its own: their density units differ)</source>
        <translation>Konturschwelle in Standardabweichungen über dem Mittelwert der Karte (jede Karte hat ihre eigene: ihre Dichteeinheiten unterscheiden sich)</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="133"/>
        <source>Decoder: the map at the mean z of %1</source>
        <translation>Decoder: die Karte am mittleren z %1</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="134"/>
        <source>poses the run found</source>
        <translation>vom Lauf gefundene Orientierungen</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="134"/>
        <source>poses of the particle file</source>
        <translation>Orientierungen der Partikeldatei</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="137"/>
        <source>Backprojection of the same %L1 particles (%2), filtered at %3 Å</source>
        <translation>Rückprojektion derselben %L1 Partikel (%2), gefiltert auf %3 Å</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="141"/>
        <source>Backprojection of the same %L1 particles (%2), not filtered: the half maps agree up to Nyquist</source>
        <translation>Rückprojektion derselben %L1 Partikel (%2), ungefiltert: die Halbkarten stimmen bis Nyquist überein</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="148"/>
        <source>half maps</source>
        <translation>Halbkarten</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="149"/>
        <source>decoder vs backprojection</source>
        <translation>Decoder gegen Rückprojektion</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="159"/>
        <source>Backprojection stopped: %1</source>
        <translation>Rückprojektion angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="180"/>
        <source>No density of the decoder&apos;s map lacks support in the particles at 3 σ.</source>
        <translation>Keine Dichte der Decoder-Karte ist bei 3 σ ohne Stütze in den Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="181"/>
        <source>%L1 voxels (%L2 nm³) of the decoder&apos;s map lack support in the particles at 3 σ.</source>
        <translation>%L1 Voxel (%L2 nm³) der Decoder-Karte sind bei 3 σ ohne Stütze in den Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="191"/>
        <source>%L1 particles (halves of %L2 and %L3). Half-map FSC 0.143: %4; 0.5: %5. Decoder vs backprojection FSC 0.5: %6. Mask: a sphere of %7 Å.</source>
        <translation>%L1 Partikel (Hälften aus %L2 und %L3). Halbkarten-FSC 0.143: %4; 0.5: %5. FSC Decoder gegen Rückprojektion 0.5: %6. Maske: eine Kugel von %7 Å.</translation>
    </message>
    <message>
        <location filename="../app/ValidationPanel.cpp" line="150"/>
        <source>a perfect map vs backprojection</source>
        <translation>eine perfekte Karte gegen Rückprojektion</translation>
    </message>
</context>
<context>
    <name>VolumeViewer</name>
    <message>
        <location filename="../widgets/VolumeViewer.cpp" line="24"/>
        <source>The 3D view is not available: %1

Maps can still be opened, measured and exported.</source>
        <translation>Die 3D-Ansicht ist nicht verfügbar: %1

Karten können trotzdem geöffnet, vermessen und exportiert werden.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="97"/>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="26"/>
        <source>particle stack</source>
        <translation>Partikelstapel</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="26"/>
        <source>map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="28"/>
        <source>File:        %1 (%2)
</source>
        <translation>Datei:       %1 (%2)
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="29"/>
        <source>Images:      %1 of %2 x %3 pixels
</source>
        <translation>Bilder:      %1 zu %2 x %3 Pixeln
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="30"/>
        <source>Dimensions:  %1 x %2 x %3 voxels
</source>
        <translation>Abmessungen: %1 x %2 x %3 Voxel
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="31"/>
        <source>Mode:        %1
</source>
        <translation>Modus:       %1
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="32"/>
        <source>Pixel size:  %1 Å
</source>
        <translation>Pixelgröße:  %1 Å
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="33"/>
        <source>Pixel size:  not set in the header (cell is 0)
</source>
        <translation>Pixelgröße:  im Kopf nicht gesetzt (Zelle ist 0)
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="34"/>
        <source>Origin:      %1, %2, %3 Å
</source>
        <translation>Ursprung:    %1, %2, %3 Å
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="35"/>
        <source>Min / max:   %1 / %2
</source>
        <translation>Min / Max:   %1 / %2
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="36"/>
        <source>Mean / rms:  %1 / %2
</source>
        <translation>Mittel / rms: %1 / %2
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="38"/>
        <source>Extended header: %1 bytes (skipped)
</source>
        <translation>Erweiterter Kopf: %1 Bytes (übersprungen)
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="40"/>
        <source>Byte order:  big-endian
</source>
        <translation>Bytefolge:   Big-Endian
</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="90"/>
        <location filename="../app/cli/SimulateCommand.cpp" line="65"/>
        <location filename="../app/cli/DownsampleCommand.cpp" line="29"/>
        <location filename="../app/cli/ExportCommand.cpp" line="128"/>
        <location filename="../app/cli/TrainCommand.cpp" line="81"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="125"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="195"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="92"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="53"/>
        <location filename="../app/cli/MovieCommand.cpp" line="236"/>
        <source>User interface language (e.g. de, en).</source>
        <translation>Sprache der Oberfläche (z. B. de, en).</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="90"/>
        <location filename="../app/cli/SimulateCommand.cpp" line="65"/>
        <location filename="../app/cli/DownsampleCommand.cpp" line="29"/>
        <location filename="../app/cli/ExportCommand.cpp" line="128"/>
        <location filename="../app/cli/TrainCommand.cpp" line="81"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="125"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="195"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="92"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="53"/>
        <location filename="../app/cli/MovieCommand.cpp" line="236"/>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="94"/>
        <source>FILE...</source>
        <translation>DATEI...</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="98"/>
        <source>info: no file given.</source>
        <translation>info: keine Datei angegeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="64"/>
        <location filename="../app/cli/InfoCommand.cpp" line="106"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="19"/>
        <source>Summarise a map, particle stack or particle dataset</source>
        <translation>Eine Karte, einen Partikelstapel oder einen Partikeldatensatz zusammenfassen</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="21"/>
        <source>Simulate a particle dataset with known ground truth</source>
        <translation>Einen Partikeldatensatz mit bekannter Wahrheit simulieren</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="23"/>
        <source>Downsample a stack or .star dataset by Fourier cropping</source>
        <translation>Einen Stapel oder .star-Datensatz durch Fourier-Beschnitt verkleinern</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="21"/>
        <source>Downsample particles by Fourier cropping (no aliasing): an .mrcs stack, or a RELION .star file with all its stacks. Writes &lt;name&gt;_D&lt;box&gt;.mrcs (and .star, with pixel size and image size updated and every other column kept) into the output folder.</source>
        <translation>Partikel durch Fourier-Beschnitt verkleinern (ohne Aliasing): einen .mrcs-Stapel oder eine RELION-.star-Datei mit allen Stapeln. Schreibt &lt;Name&gt;_D&lt;Box&gt;.mrcs (und .star, mit angepasster Pixel- und Bildgröße, alle anderen Spalten bleiben erhalten) in den Ausgabeordner.</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="26"/>
        <source>New box size in pixels (even, at most the current box).</source>
        <translation>Neue Boxgröße in Pixeln (gerade, höchstens die jetzige Box).</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="26"/>
        <source>BOX</source>
        <translation>BOX</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="47"/>
        <location filename="../app/cli/DownsampleCommand.cpp" line="27"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="33"/>
        <source>Output folder (created if needed).</source>
        <translation>Ausgabeordner (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="93"/>
        <location filename="../app/cli/SimulateCommand.cpp" line="47"/>
        <location filename="../app/cli/DownsampleCommand.cpp" line="27"/>
        <location filename="../app/cli/DownsampleCommand.cpp" line="28"/>
        <location filename="../app/cli/ExportCommand.cpp" line="127"/>
        <location filename="../app/cli/TrainCommand.cpp" line="36"/>
        <location filename="../app/cli/TrainCommand.cpp" line="66"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="176"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="84"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="33"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="50"/>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="28"/>
        <source>Folder to search for the .star file&apos;s stacks by name.</source>
        <translation>Ordner, in dem die Stapel der .star-Datei nach Namen gesucht werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="31"/>
        <source>An .mrcs stack or a .star file.</source>
        <translation>Ein .mrcs-Stapel oder eine .star-Datei.</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="31"/>
        <source>INPUT</source>
        <translation>EINGABE</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="36"/>
        <source>downsample: give one INPUT, -D BOX and --out DIR.</source>
        <translation>downsample: eine EINGABE, -D BOX und --out ORDNER angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="45"/>
        <source>Downsampling</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../app/cli/DownsampleCommand.cpp" line="50"/>
        <source>Downsampled %1 images from %2 px (%3 Å/px) to %4 px (%5 Å/px):</source>
        <translation>%1 Bilder von %2 px (%3 Å/px) auf %4 px (%5 Å/px) verkleinert:</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="87"/>
        <source>Print the header summary of a map (.mrc, .map) or a summary of a particle dataset (.mrcs, .star, .cs, .txt): count, box, pixel size, optics groups, CTF ranges, poses, problems.</source>
        <translation>Kopfdaten einer Karte (.mrc, .map) oder eine Zusammenfassung eines Partikeldatensatzes (.mrcs, .star, .cs, .txt) ausgeben: Anzahl, Box, Pixelgröße, Optikgruppen, CTF-Bereiche, Orientierungen, Probleme.</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="91"/>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="93"/>
        <source>Folder to search for particle stacks by name.</source>
        <translation>Ordner, in dem Partikelstapel nach Namen gesucht werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/InfoCommand.cpp" line="94"/>
        <source>A map, stack, .star, .cs or .txt file.</source>
        <translation>Eine Karte, ein Stapel, eine .star-, .cs- oder .txt-Datei.</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="41"/>
        <source>Simulate a particle dataset with known ground truth: a complex of Gaussian pseudo-atoms whose domains move (hinge: 1D, two-hinges: 2D, discrete: compositional states), projected at random poses with CTF, shifts and noise. Writes particles.mrcs, particles.star (RELION 3.1), particles.cs (cryoSPARC), truth.h5 and ground-truth maps (.mrc).</source>
        <translation>Einen Partikeldatensatz mit bekannter Wahrheit simulieren: ein Komplex aus gaußschen Pseudoatomen, dessen Domänen sich bewegen (hinge: 1D, two-hinges: 2D, discrete: Zusammensetzungszustände), in zufälligen Orientierungen projiziert, mit CTF, Verschiebungen und Rauschen. Schreibt particles.mrcs, particles.star (RELION 3.1), particles.cs (cryoSPARC), truth.h5 und Referenzkarten (.mrc).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="48"/>
        <source>Number of particles (default 5000).</source>
        <translation>Anzahl der Partikel (Vorgabe 5000).</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="15"/>
        <source>cryoDRGN runs: the epoch N of weights.N.pkl (default: the newest).</source>
        <translation>cryoDRGN-Läufe: die Epoche N von weights.N.pkl (Vorgabe: die neueste).</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="16"/>
        <location filename="../app/cli/SimulateCommand.cpp" line="48"/>
        <location filename="../app/cli/TrainCommand.cpp" line="39"/>
        <location filename="../app/cli/TrainCommand.cpp" line="40"/>
        <location filename="../app/cli/TrainCommand.cpp" line="50"/>
        <location filename="../app/cli/TrainCommand.cpp" line="52"/>
        <location filename="../app/cli/TrainCommand.cpp" line="54"/>
        <location filename="../app/cli/TrainCommand.cpp" line="56"/>
        <location filename="../app/cli/TrainCommand.cpp" line="76"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="120"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="178"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="42"/>
        <location filename="../app/cli/MovieCommand.cpp" line="220"/>
        <location filename="../app/cli/MovieCommand.cpp" line="225"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="17"/>
        <source>cryoDRGN runs: the particle file, when the config&apos;s path is not found here.</source>
        <translation>cryoDRGN-Läufe: die Partikeldatei, wenn der Pfad der Konfiguration hier nicht gefunden wird.</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="37"/>
        <source>cryoDRGN run, epoch %1 (%2)</source>
        <translation>cryoDRGN-Lauf, Epoche %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="49"/>
        <source>Box size in pixels, even (default 64).</source>
        <translation>Boxgröße in Pixeln, gerade (Vorgabe 64).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="49"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="121"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="87"/>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="50"/>
        <source>Pixel size in Å (default 3.0).</source>
        <translation>Pixelgröße in Å (Vorgabe 3,0).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="50"/>
        <location filename="../app/cli/SimulateCommand.cpp" line="61"/>
        <location filename="../app/cli/TrainCommand.cpp" line="67"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="188"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="48"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="51"/>
        <source>Å</source>
        <translation>Å</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="51"/>
        <location filename="../app/cli/TrainCommand.cpp" line="78"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="122"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="193"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="56"/>
        <source>hinge, two-hinges, discrete or none (one conformation) (default hinge).</source>
        <translation>hinge, two-hinges, discrete oder none (eine Konformation) (Vorgabe: hinge).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="56"/>
        <location filename="../app/cli/TrainCommand.cpp" line="61"/>
        <location filename="../app/cli/MovieCommand.cpp" line="222"/>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="62"/>
        <location filename="../app/cli/TrainCommand.cpp" line="60"/>
        <source>Random seed (default 1).</source>
        <translation>Startwert des Zufallsgenerators (Vorgabe 1).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="62"/>
        <location filename="../app/cli/TrainCommand.cpp" line="60"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="119"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="180"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="183"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="44"/>
        <location filename="../app/cli/MovieCommand.cpp" line="234"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="64"/>
        <source>Do not apply a CTF.</source>
        <translation>Keine CTF anwenden.</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="69"/>
        <source>simulate: --out DIR is required.</source>
        <translation>simulate: --out ORDNER ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="75"/>
        <source>Simulating</source>
        <translation>Simuliere</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="137"/>
        <source>PC %1   </source>
        <translation>PC %1   </translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="157"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="165"/>
        <source>graph  </source>
        <translation>Graph  </translation>
    </message>
    <message>
        <source>A run directory or its run.h5.</source>
        <translation type="vanished">Ein Laufverzeichnis oder seine run.h5.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="130"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="127"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="173"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="41"/>
        <location filename="../app/cli/MovieCommand.cpp" line="216"/>
        <source>RUN</source>
        <translation>LAUF</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="176"/>
        <source>Output folder.</source>
        <translation>Ausgabeordner.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="177"/>
        <source>Maps along the first N principal components of z.</source>
        <translation>Karten entlang der ersten N Hauptkomponenten von z.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="178"/>
        <source>How many PCs to traverse (default 2).</source>
        <translation>Wie viele PCs durchlaufen werden (Vorgabe 2).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="179"/>
        <source>Maps per PC trajectory (default 10).</source>
        <translation>Karten pro PC-Trajektorie (Vorgabe 10).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="65"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="179"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="186"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="46"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="180"/>
        <source>Maps at K on-data k-means centres of z.</source>
        <translation>Karten an K k-means-Zentren von z auf Datenpunkten.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="181"/>
        <source>Maps along the latent kNN graph through these particle indices.</source>
        <translation>Karten entlang des latenten kNN-Graphen durch diese Partikelindizes.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="181"/>
        <source>I,J,...</source>
        <translation>I,J,...</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="182"/>
        <source>Landscape analysis: cluster and PCA the volumes of a k-means sketch of z.</source>
        <translation>Landschaftsanalyse: die Volumen einer k-means-Skizze von z clustern und per PCA analysieren.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="183"/>
        <source>Landscape sketch size (default 500, fewer for small datasets).</source>
        <translation>Größe der Landschaftsskizze (Vorgabe 500, weniger bei kleinen Datensätzen).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="184"/>
        <source>Landscape clusters (default 10).</source>
        <translation>Landschafts-Cluster (Vorgabe 10).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="184"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="185"/>
        <source>ward, average or complete (default ward).</source>
        <translation>ward, average oder complete (Vorgabe ward).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="185"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="191"/>
        <location filename="../app/cli/MovieCommand.cpp" line="231"/>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="186"/>
        <source>Volume PCs kept (default 10).</source>
        <translation>Beibehaltene Volumen-PCs (Vorgabe 10).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="187"/>
        <source>Mask .mrc for the landscape (default: automatic).</source>
        <translation>Masken-.mrc für die Landschaft (Vorgabe: automatisch).</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="18"/>
        <location filename="../app/cli/ExportCommand.cpp" line="118"/>
        <location filename="../app/cli/TrainCommand.cpp" line="37"/>
        <location filename="../app/cli/TrainCommand.cpp" line="38"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="187"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="83"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="35"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="37"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="39"/>
        <location filename="../app/cli/MovieCommand.cpp" line="219"/>
        <location filename="../app/cli/MovieCommand.cpp" line="221"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="188"/>
        <source>Grow the automatic mask by this many Å (default 10).</source>
        <translation>Die automatische Maske um so viele Å erweitern (Vorgabe 10).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="189"/>
        <source>Landscape on full maps (default: half-size previews, 8× faster).</source>
        <translation>Landschaft auf vollen Karten (Vorgabe: Vorschauen halber Größe, 8× schneller).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="190"/>
        <source>Trajectory maps as half-size previews.</source>
        <translation>Trajektorienkarten als Vorschauen halber Größe.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="191"/>
        <source>Contour level in the ChimeraX scripts (default: half the largest map maximum).</source>
        <translation>Konturhöhe in den ChimeraX-Skripten (Vorgabe: die Hälfte des größten Kartenmaximums).</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="192"/>
        <source>Colour in the ChimeraX scripts (default #b4b4ff).</source>
        <translation>Farbe in den ChimeraX-Skripten (Vorgabe #b4b4ff).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="119"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="192"/>
        <location filename="../app/cli/MovieCommand.cpp" line="228"/>
        <location filename="../app/cli/MovieCommand.cpp" line="229"/>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="193"/>
        <source>Random seed for k-means (default 0).</source>
        <translation>Startwert des Zufallsgenerators für k-means (Vorgabe 0).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="63"/>
        <location filename="../app/cli/TrainCommand.cpp" line="59"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="194"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="91"/>
        <source>Compute threads (default: all cores).</source>
        <translation>Rechen-Threads (Vorgabe: alle Kerne).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="63"/>
        <location filename="../app/cli/TrainCommand.cpp" line="59"/>
        <location filename="../app/cli/EmbedCommand.cpp" line="124"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="194"/>
        <location filename="../app/cli/EvalVolCommand.cpp" line="91"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="49"/>
        <location filename="../app/cli/MovieCommand.cpp" line="235"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="205"/>
        <source>Maps of a trained run along latent trajectories (PCs, k-means centres, graph paths) and the landscape of its volumes (clusters, volume PCA); writes .mrc series with ChimeraX scripts to DIR. Without an analysis flag: --pc-traj.</source>
        <translation>Karten eines trainierten Laufs entlang latenter Trajektorien (PCs, k-means-Zentren, Graphpfade) und die Landschaft seiner Volumen (Cluster, Volumen-PCA); schreibt .mrc-Serien mit ChimeraX-Skripten nach ORDNER. Ohne Analyseoption: --pc-traj.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="211"/>
        <source>analyze: give one RUN and --out DIR.</source>
        <translation>analyze: einen LAUF und --out ORDNER angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="214"/>
        <source>Analyzing</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="148"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="239"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeLandscape.cpp" line="84"/>
        <source>Landscape</source>
        <translation>Landschaft</translation>
    </message>
    <message>
        <location filename="../app/cli/AnalyzeLandscape.cpp" line="99"/>
        <source>Landscape: %1 sketch volumes, %2 clusters, %3 volume PCs (PC1 %4 %); regression R² %5; %6 s</source>
        <translation>Landschaft: %1 Skizzenvolumen, %2 Cluster, %3 Volumen-PCs (PC1 %4 %); Regression R² %5; %6 s</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="25"/>
        <source>Train a heterogeneous or homogeneous model on particles with poses</source>
        <translation>Ein heterogenes oder homogenes Modell auf Partikeln mit Orientierungen trainieren</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="27"/>
        <source>Decode maps from a trained run at latent points</source>
        <translation>Karten aus einem trainierten Lauf an latenten Punkten dekodieren</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="32"/>
        <source>Export a selection of a run&apos;s particles as .star, .cs, .pkl or .txt</source>
        <translation>Eine Auswahl der Partikel eines Laufs als .star, .cs, .pkl oder .txt exportieren</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="34"/>
        <source>PCA, UMAP and k-means of a training run&apos;s latent coordinates</source>
        <translation>PCA, UMAP und k-means der latenten Koordinaten eines Trainingslaufs</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="36"/>
        <source>Maps along latent trajectories and the landscape of a run&apos;s volumes</source>
        <translation>Karten entlang latenter Trajektorien und die Landschaft der Volumen eines Laufs</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.cpp" line="56"/>
        <source>--%1 needs WIDTHxLAYERS (e.g. 256x3), got &apos;%2&apos;</source>
        <translation>--%1 braucht BREITExSCHICHTEN (z. B. 256x3), nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/CliOptions.h" line="26"/>
        <source>--%1 needs a number, got &apos;%2&apos;</source>
        <translation>--%1 braucht eine Zahl, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="38"/>
        <source>--kmeans needs K ≥ 1</source>
        <translation>--kmeans braucht K ≥ 1</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="112"/>
        <source>Latent-space analyses of a training run: PCA, UMAP and k-means of the particles&apos; z, stored in RUN/run.h5 (/particles/pca, /particles/umap, /particles/kmeans). Without --pca, --umap or --kmeans all three are computed, with K = 20.</source>
        <translation>Analysen des latenten Raums eines Trainingslaufs: PCA, UMAP und k-means der z der Partikel, gespeichert in LAUF/run.h5 (/particles/pca, /particles/umap, /particles/kmeans). Ohne --pca, --umap oder --kmeans werden alle drei berechnet, mit K = 20.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="117"/>
        <source>Principal components of z.</source>
        <translation>Hauptkomponenten von z.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="118"/>
        <source>2D UMAP of z.</source>
        <translation>2D-UMAP von z.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="119"/>
        <source>k-means of z with K clusters and on-data centres.</source>
        <translation>k-means von z mit K Clustern und Zentren auf Datenpunkten.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="120"/>
        <source>UMAP neighbours, including the particle itself (default 15).</source>
        <translation>UMAP-Nachbarn, einschließlich des Partikels selbst (Vorgabe 15).</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="121"/>
        <source>UMAP minimum distance (default 0.1).</source>
        <translation>UMAP-Mindestabstand (Vorgabe 0,1).</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="122"/>
        <source>Random seed for UMAP and k-means (default 0).</source>
        <translation>Startwert des Zufallsgenerators für UMAP und k-means (Vorgabe 0).</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="123"/>
        <source>UMAP layout threads (default 1, reproducible; more is faster but varies run to run).</source>
        <translation>Threads für das UMAP-Layout (Vorgabe 1, reproduzierbar; mehr ist schneller, variiert aber von Lauf zu Lauf).</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="127"/>
        <location filename="../app/cli/AnalyzeCommand.cpp" line="173"/>
        <location filename="../app/cli/MovieCommand.cpp" line="216"/>
        <source>A run directory or its run.h5, or a cryoDRGN output directory.</source>
        <translation>Ein Laufverzeichnis oder seine run.h5, oder ein cryoDRGN-Ausgabeverzeichnis.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="131"/>
        <source>embed: give one RUN.</source>
        <translation>embed: einen LAUF angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="134"/>
        <source>Embedding</source>
        <translation>Einbetten</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="139"/>
        <source>%1 particles, zdim %2</source>
        <translation>%1 Partikel, zdim %2</translation>
    </message>
    <message>
        <source>Decode maps from a trained run at latent points and write them as .mrc.</source>
        <translation type="vanished">Karten aus einem trainierten Lauf an latenten Punkten dekodieren und als .mrc schreiben.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="79"/>
        <source>run</source>
        <translation>lauf</translation>
    </message>
    <message>
        <source>Run directory (or its run.h5).</source>
        <translation type="vanished">Laufverzeichnis (oder seine run.h5).</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="76"/>
        <source>Decode maps from a trained run (ours or cryoDRGN&apos;s) at latent points and write them as .mrc.</source>
        <translation>Karten aus einem trainierten Lauf (unserem oder einem von cryoDRGN) an latenten Punkten dekodieren und als .mrc schreiben.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="79"/>
        <source>Run directory (or its run.h5), or a cryoDRGN output directory.</source>
        <translation>Laufverzeichnis (oder seine run.h5), oder ein cryoDRGN-Ausgabeverzeichnis.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="82"/>
        <source>A latent point: zdim numbers in quotes (repeat for several maps).</source>
        <translation>Ein latenter Punkt: zdim Zahlen in Anführungszeichen (für mehrere Karten wiederholen).</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="82"/>
        <source>VALUES</source>
        <translation>WERTE</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="83"/>
        <source>Text file with one latent point per line.</source>
        <translation>Textdatei mit einem latenten Punkt pro Zeile.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="84"/>
        <source>Output folder for vol_000.mrc, vol_001.mrc, …</source>
        <translation>Ausgabeordner für vol_000.mrc, vol_001.mrc, …</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="85"/>
        <source>Decode the coarse preview (half the box size) instead of the full map.</source>
        <translation>Die grobe Vorschau (halbe Boxgröße) statt der vollen Karte dekodieren.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="86"/>
        <source>Decode a map of D voxels per side (even, below the run&apos;s box): the central frequencies, with cryodrgn eval_vol -d&apos;s intensities ((box/D)³ times the full map&apos;s).</source>
        <translation>Eine Karte mit D Voxeln je Seite dekodieren (gerade, kleiner als die Box des Laufs): die zentralen Frequenzen, mit den Intensitäten von cryodrgn eval_vol -d ((Box/D)³-mal die der vollen Karte).</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="88"/>
        <source>Flip the handedness (mirror along z), as cryodrgn eval_vol --flip.</source>
        <translation>Die Händigkeit umkehren (entlang z spiegeln), wie cryodrgn eval_vol --flip.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="89"/>
        <source>Invert the contrast, as cryodrgn eval_vol --invert.</source>
        <translation>Den Kontrast invertieren, wie cryodrgn eval_vol --invert.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="90"/>
        <source>Pixel size of the run&apos;s box in Å (default: the run&apos;s; the headers give the voxel size).</source>
        <translation>Pixelgröße der Box des Laufs in Å (Vorgabe: die des Laufs; die Header geben die Voxelgröße an).</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="90"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="96"/>
        <source>eval-vol: give one run directory and --out DIR.</source>
        <translation>eval-vol: ein Laufverzeichnis und --out ORDNER angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="102"/>
        <source>Decoding</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <location filename="../app/cli/EvalVolCommand.cpp" line="128"/>
        <source>Wrote %1 maps to %2 (%3 s per map)</source>
        <translation>%1 Karten nach %2 geschrieben (%3 s pro Karte)</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="81"/>
        <source>%1 indices from %2</source>
        <translation>%1 Indizes aus %2</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="83"/>
        <source> (%1 repeated entries ignored)</source>
        <translation> (%1 doppelte Einträge ignoriert)</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="86"/>
        <source>%1 particles in k-means cluster %2</source>
        <translation>%1 Partikel im k-means-Cluster %2</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="96"/>
        <source>Selection: %1%2</source>
        <translation>Auswahl: %1%2</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="96"/>
        <source>, inverted</source>
        <translation>, invertiert</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="100"/>
        <source>Exported %1 of %2 particles to:</source>
        <translation>%1 von %2 Partikeln exportiert nach:</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="113"/>
        <source>Export a selection of a run&apos;s particles (or, with --invert, all others): as a RELION .star (every original column, optics table and row order kept), a cryoSPARC .cs (original dtype), a cryoDRGN index .pkl and a plain index list (.txt). Indices are 0-based, in input order.</source>
        <translation>Eine Auswahl der Partikel eines Laufs exportieren (oder mit --invert alle übrigen): als RELION-.star (alle ursprünglichen Spalten, Optiktabelle und Zeilenreihenfolge bleiben erhalten), als cryoSPARC-.cs (ursprünglicher dtype), als cryoDRGN-Index-.pkl und als einfache Indexliste (.txt). Indizes sind 0-basiert, in Eingabereihenfolge.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="118"/>
        <source>Selection: a file of 0-based particle indices (.txt one per line, or cryoDRGN .pkl).</source>
        <translation>Auswahl: eine Datei mit 0-basierten Partikelindizes (.txt, einer pro Zeile, oder cryoDRGN-.pkl).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="119"/>
        <source>Selection: the particles of k-means cluster C (or C1,C2,...).</source>
        <translation>Auswahl: die Partikel des k-means-Clusters C (oder C1,C2,...).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="120"/>
        <source>Export the particles NOT in the selection.</source>
        <translation>Die Partikel exportieren, die NICHT in der Auswahl sind.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="121"/>
        <source>Write a RELION .star file.</source>
        <translation>Eine RELION-.star-Datei schreiben.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="121"/>
        <source>OUT.star</source>
        <translation>OUT.star</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="122"/>
        <source>Write a cryoSPARC .cs file.</source>
        <translation>Eine cryoSPARC-.cs-Datei schreiben.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="122"/>
        <source>OUT.cs</source>
        <translation>OUT.cs</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="123"/>
        <source>Write a cryoDRGN index .pkl (int64 NumPy array).</source>
        <translation>Einen cryoDRGN-Index als .pkl schreiben (int64-NumPy-Array).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="123"/>
        <source>OUT.pkl</source>
        <translation>OUT.pkl</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="124"/>
        <source>Write the indices as text, one per line.</source>
        <translation>Die Indizes als Text schreiben, einer pro Zeile.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="124"/>
        <source>OUT.txt</source>
        <translation>OUT.txt</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="126"/>
        <source>Folder to search for particle stacks by name (default: the run&apos;s).</source>
        <translation>Ordner, in dem Partikelstapel nach Namen gesucht werden (Vorgabe: der des Laufs).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="130"/>
        <source>The run directory (or its run.h5), or a cryoDRGN output directory.</source>
        <translation>Das Laufverzeichnis (oder seine run.h5), oder ein cryoDRGN-Ausgabeverzeichnis.</translation>
    </message>
    <message>
        <source>The run directory (or its run.h5).</source>
        <translation type="vanished">Das Laufverzeichnis (oder seine run.h5).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="137"/>
        <source>export: give one RUN, either --index FILE or --kmeans-cluster C, and at least one of --star, --cs, --pkl, --txt.</source>
        <translation>export: einen LAUF, entweder --index DATEI oder --kmeans-cluster C, und mindestens eine der Optionen --star, --cs, --pkl, --txt angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="142"/>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="30"/>
        <source>Train a cryoDRGN-style model on particles with poses and CTF (.star, .cs): an image encoder to a latent z and a coordinate decoder in Hartley space. Writes DIR/run.h5 (z per particle, loss history) and DIR/checkpoints/ after every epoch.</source>
        <translation>Ein Modell im Stil von cryoDRGN auf Partikeln mit Orientierungen und CTF (.star, .cs) trainieren: ein Bild-Encoder auf ein latentes z und ein Koordinaten-Decoder im Hartley-Raum. Schreibt ORDNER/run.h5 (z pro Partikel, Verlustverlauf) und ORDNER/checkpoints/ nach jeder Epoche.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="34"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="30"/>
        <source>particles</source>
        <translation>partikel</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="34"/>
        <source>Particles: .star, .cs or .mrcs (poses and CTF are read from it).</source>
        <translation>Partikel: .star, .cs oder .mrcs (Orientierungen und CTF werden daraus gelesen).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="36"/>
        <source>Run directory (created if needed).</source>
        <translation>Laufverzeichnis (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="37"/>
        <source>Take the poses from this file instead: cryoDRGN pose.pkl, or a .star/.cs with the same particles.</source>
        <translation>Die Orientierungen stattdessen aus dieser Datei nehmen: cryoDRGN-pose.pkl oder eine .star/.cs mit denselben Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="38"/>
        <source>Take the CTF from this file instead: cryoDRGN ctf.pkl, or a .star/.cs with the same particles.</source>
        <translation>Die CTF stattdessen aus dieser Datei nehmen: cryoDRGN-ctf.pkl oder eine .star/.cs mit denselben Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="39"/>
        <source>Latent dimension (default 8).</source>
        <translation>Latente Dimension (Vorgabe 8).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="40"/>
        <source>Number of epochs (default 20).</source>
        <translation>Anzahl der Epochen (Vorgabe 20).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="41"/>
        <source>Encoder width x hidden layers (default 256x3).</source>
        <translation>Encoder-Breite x verborgene Schichten (Vorgabe 256x3).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="41"/>
        <location filename="../app/cli/TrainCommand.cpp" line="42"/>
        <source>WxL</source>
        <translation>WxL</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="42"/>
        <source>Decoder width x hidden layers (default 256x3).</source>
        <translation>Decoder-Breite x verborgene Schichten (Vorgabe 256x3).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="43"/>
        <source>Images per batch (default 8).</source>
        <translation>Bilder pro Stapel (Vorgabe 8).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="43"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="44"/>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="45"/>
        <source>Weight of the KL term (default 1/zdim).</source>
        <translation>Gewicht des KL-Terms (Vorgabe 1/zdim).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="45"/>
        <source>BETA</source>
        <translation>BETA</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="46"/>
        <source>Train the decoder alone: one map, no encoder, no latent.</source>
        <translation>Nur den Decoder trainieren: eine Karte, kein Encoder, kein latenter Raum.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="47"/>
        <source>Continue the run in --out from its newest checkpoint.</source>
        <translation>Den Lauf in --out ab seinem neuesten Kontrollpunkt fortsetzen.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="48"/>
        <source>Ab initio (cryoDRGN2): ignore the input poses and search them with the model, every --search-every epochs; the found poses go to run.h5. With --homogeneous: the decoder alone.</source>
        <translation>Ab initio (cryoDRGN2): die eingegebenen Orientierungen ignorieren und sie alle --search-every Epochen mit dem Modell suchen; die gefundenen Orientierungen werden in run.h5 geschrieben. Mit --homogeneous: nur der Decoder.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="61"/>
        <source>Positional encoding: gaussian (default) or geometric.</source>
        <translation>Positionskodierung: gaussian (Vorgabe) oder geometric.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="62"/>
        <source>What the encoder sees: canonical (default: each image turned to an in-plane angle set by its viewing direction; the latent follows the motion in fewer epochs) or image (as recorded, cryoDRGN&apos;s). Ab initio always uses image.</source>
        <translation>Was der Encoder sieht: canonical (Vorgabe: jedes Bild auf einen Drehwinkel in der Bildebene gedreht, den seine Blickrichtung festlegt; der latente Raum folgt der Bewegung in weniger Epochen) oder image (wie aufgenommen, wie cryoDRGN). Ab initio nutzt immer image.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="64"/>
        <source>FRAME</source>
        <translation>RAHMEN</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="65"/>
        <source>fp32 (default) or bf16 (bfloat16 matrix products).</source>
        <translation>fp32 (Vorgabe) oder bf16 (bfloat16-Matrixprodukte).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="66"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="50"/>
        <source>Folder to look for the image stacks in.</source>
        <translation>Ordner, in dem die Bildstapel gesucht werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="67"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="51"/>
        <source>Override the pixel size (Å).</source>
        <translation>Pixelgröße überschreiben (Å).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="68"/>
        <location filename="../app/cli/BackprojectCommand.cpp" line="52"/>
        <source>Do not invert the image contrast (for data with dark particles).</source>
        <translation>Den Bildkontrast nicht invertieren (für Daten mit dunklen Partikeln).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="69"/>
        <source>Memory bound in GB on the whole process: the particle images get what the program, model and metadata leave of it, held in memory when they fit, else read from the stacks a window ahead (default: a quarter of the memory, %1 GB here).</source>
        <translation>Speichergrenze in GB für den ganzen Prozess: Die Partikelbilder erhalten, was Programm, Modell und Metadaten davon übrig lassen, im Speicher gehalten, wenn sie hineinpassen, sonst ein Fenster voraus aus den Stapeln gelesen (Vorgabe: ein Viertel des Arbeitsspeichers, hier %1 GB).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="73"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="192"/>
        <source>epoch %1/%2  loss %3  mse %4  kld %5  %6 images/s  %7 s</source>
        <translation>Epoche %1/%2  Verlust %3  mse %4  kld %5  %6 Bilder/s  %7 s</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="201"/>
        <source>  poses%1: median rotation error %2°, median shift error %3 px (vs truth.h5)</source>
        <translation>  Orientierungen%1: Median des Rotationsfehlers %2°, Median des Verschiebungsfehlers %3 px (gegenüber truth.h5)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="202"/>
        <source> (searched)</source>
        <translation> (gesucht)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="206"/>
        <source>  pose change since the previous search: %1° rotation, %2 px shift (medians): %3 (settled below %4°)</source>
        <translation>  Orientierungsänderung seit der vorigen Suche: %1° Drehung, %2 px Verschiebung (Mediane): %3 (gesetzt unter %4°)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="210"/>
        <source>converged</source>
        <translation>konvergiert</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="210"/>
        <source>still moving</source>
        <translation>noch in Bewegung</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="213"/>
        <source>  half maps with these poses: %1 Å at FSC 0.143</source>
        <translation>  Halbkarten mit diesen Orientierungen: %1 Å bei FSC 0,143</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="236"/>
        <source>train: give one particles file and --out DIR.</source>
        <translation>train: eine Partikeldatei und --out ORDNER angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="248"/>
        <source>Reading images</source>
        <translation>Bilder lesen</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="241"/>
        <location filename="../app/cli/TrainCommand.cpp" line="249"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="250"/>
        <source>Pose search</source>
        <translation>Orientierungssuche</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="284"/>
        <source>Stopped after %1 complete epochs; continue with --resume.</source>
        <translation>Nach %1 vollständigen Epochen angehalten; mit --resume fortsetzen.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="286"/>
        <source>Run: %1 (%2 epochs, %3 s)</source>
        <translation>Lauf: %1 (%2 Epochen, %3 s)</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="38"/>
        <source>Render a trajectory or a 360° turn of a run&apos;s maps as an MP4 or GIF movie</source>
        <translation>Eine Trajektorie oder eine 360°-Drehung der Karten eines Laufs als MP4- oder GIF-Film rendern</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="69"/>
        <source>--size needs WIDTHxHEIGHT between 16 and 8192 (e.g. 800x600), got &apos;%1&apos;</source>
        <translation>--size braucht BREITExHÖHE zwischen 16 und 8192 (z. B. 800x600), nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="85"/>
        <source>--level needs auto, constant-volume or a number, got &apos;%1&apos;</source>
        <translation>--level braucht auto, constant-volume oder eine Zahl, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="95"/>
        <source>--z: &apos;%1&apos; is not a number</source>
        <translation>--z: &apos;%1&apos; ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="107"/>
        <source>movie: give exactly one of --pc N, --path FILE, --turn</source>
        <translation>movie: genau eine der Optionen --pc N, --path DATEI, --turn angeben</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="117"/>
        <source>movie: --pc needs N ≥ 1, --frames 2 or more, --threads ≥ 0, --keyframe-step ≥ 1</source>
        <translation>movie: --pc braucht N ≥ 1, --frames 2 oder mehr, --threads ≥ 0, --keyframe-step ≥ 1</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="120"/>
        <source>--path-kind needs auto, z or particles, got &apos;%1&apos;</source>
        <translation>--path-kind braucht auto, z oder particles, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="155"/>
        <source>movie: the run is homogeneous (no z): only --turn makes sense</source>
        <translation>movie: der Lauf ist homogen (kein z): nur --turn ist sinnvoll</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="160"/>
        <source>--z has %1 values, the run&apos;s z has %2</source>
        <translation>--z hat %1 Werte, das z des Laufs hat %2</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="166"/>
        <source>--pc %1: z has only %2 dimensions</source>
        <translation>--pc %1: z hat nur %2 Dimensionen</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="188"/>
        <source>Rendering</source>
        <translation>Rendern</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="192"/>
        <source>Interrupted: no movie written</source>
        <translation>Unterbrochen: kein Film geschrieben</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="219"/>
        <source>The movie: .mp4 (H.264) or .gif.</source>
        <translation>Der Film: .mp4 (H.264) oder .gif.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="220"/>
        <source>Maps along principal component N of z (1-based), 5th to 95th percentile.</source>
        <translation>Karten entlang der Hauptkomponente N von z (1-basiert), 5. bis 95. Perzentil.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="221"/>
        <source>Maps along a path: a text file of z rows or particle indices, one per line.</source>
        <translation>Karten entlang eines Pfads: eine Textdatei mit z-Zeilen oder Partikelindizes, einer pro Zeile.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="222"/>
        <source>What the --path lines are: auto, z or particles (default auto).</source>
        <translation>Was die Zeilen von --path sind: auto, z oder particles (Vorgabe auto).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="223"/>
        <source>One map (at the mean z, or --z) turned 360° about the vertical axis.</source>
        <translation>Eine Karte (am mittleren z oder an --z) um 360° um die senkrechte Achse gedreht.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="224"/>
        <source>The latent point of the map for --turn.</source>
        <translation>Der latente Punkt der Karte für --turn.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="224"/>
        <source>v1,v2,...</source>
        <translation>v1,v2,...</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="225"/>
        <source>Frames (default 60).</source>
        <translation>Bilder (Vorgabe 60).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="226"/>
        <source>Frame size in pixels (default 800x600; MP4 needs even numbers).</source>
        <translation>Bildgröße in Pixeln (Vorgabe 800x600; MP4 braucht gerade Zahlen).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="226"/>
        <source>WxH</source>
        <translation>WxH</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="227"/>
        <source>Frames per second (default 24).</source>
        <translation>Bilder pro Sekunde (Vorgabe 24).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="227"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="228"/>
        <source>Background: white, black, a colour name or #rrggbb (default white).</source>
        <translation>Hintergrund: white, black, ein Farbname oder #rrggbb (Vorgabe white).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="229"/>
        <source>Surface colour (default light tan).</source>
        <translation>Oberflächenfarbe (Vorgabe helles Beige).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="230"/>
        <source>auto (the first map&apos;s mean + 2 standard deviations, as in the viewer, kept), constant-volume (per frame, enclosing as many voxels as the first map) or a fixed density value.</source>
        <translation>auto (Mittelwert der ersten Karte + 2 Standardabweichungen, wie in der Ansicht, beibehalten), constant-volume (pro Bild, schließt so viele Voxel ein wie die erste Karte) oder ein fester Dichtewert.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="232"/>
        <source>Half-size maps (8x faster decoding).</source>
        <translation>Karten halber Größe (8x schnelleres Dekodieren).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="233"/>
        <source>Decode every K-th map of a trajectory only and blend the maps in between (K times faster decoding; default 1: decode all).</source>
        <translation>Nur jede K-te Karte einer Trajektorie dekodieren und die Karten dazwischen überblenden (K-mal schnelleres Dekodieren; Vorgabe 1: alle dekodieren).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="235"/>
        <source>Decoding threads (default: all cores).</source>
        <translation>Threads zum Dekodieren (Vorgabe: alle Kerne).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="245"/>
        <source>Render maps of a trained run as a movie (MP4 or GIF): along a PC of z, along a path, or one map turned 360°. Needs an X display (or xvfb-run).</source>
        <translation>Karten eines trainierten Laufs als Film (MP4 oder GIF) rendern: entlang einer PC von z, entlang eines Pfads oder eine um 360° gedrehte Karte. Braucht eine X-Anzeige (oder xvfb-run).</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="250"/>
        <source>movie: give one RUN and --out FILE.</source>
        <translation>movie: einen LAUF und --out DATEI angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="253"/>
        <source>movie</source>
        <translation>Film</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="266"/>
        <source>Wrote %1: %2 frames %3x%4 at %5 fps, %6 kB in %7 s (decoding %11 maps %8 s on a worker, rendering %9 s, encoding %10 s)</source>
        <translation>%1 geschrieben: %2 Bilder %3x%4 mit %5 fps, %6 kB in %7 s (Dekodieren von %11 Karten %8 s in einem Hintergrund-Thread, Rendern %9 s, Kodieren %10 s)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="51"/>
        <source>Ab initio: restart the model from random weights after epoch N, keeping the poses (0: never; default: half of the epochs when there are at least 10).</source>
        <translation>Ab initio: das Modell nach Epoche N mit zufälligen Gewichten neu starten und die Orientierungen behalten (0: nie; Vorgabe: nach der Hälfte der Epochen, wenn es mindestens 10 sind).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="57"/>
        <source>Ab initio: resolution of the global orientation grid, 0-4 (default 2: 4608 orientations, 15° apart).</source>
        <translation>Ab initio: Auflösung des globalen Orientierungsgitters, 0-4 (Vorgabe 2: 4608 Orientierungen im Abstand von 15°).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="58"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="53"/>
        <source>Ab initio: images searched per model update in a searching epoch (default 128).</source>
        <translation>Ab initio: Bilder, die in einer Suchepoche je Modellaktualisierung gesucht werden (Vorgabe 128).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="51"/>
        <source>Signal-to-noise ratio: signal variance / noise variance (default 0.1; 0: no noise).</source>
        <translation>Signal-Rausch-Verhältnis: Signalvarianz / Rauschvarianz (Vorgabe 0,1; 0: kein Rauschen).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="53"/>
        <source>Pixels the signal variance is measured over: image (all pixels, as cryoDRGN) or particle (a disc around the particle; noisier for the same SNR) (default image).</source>
        <translation>Pixel, über die die Signalvarianz gemessen wird: image (alle Pixel, wie cryoDRGN) oder particle (eine Kreisscheibe um das Partikel; bei gleichem SNR stärker verrauscht) (Vorgabe image).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="55"/>
        <source>REGION</source>
        <translation>BEREICH</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="102"/>
        <source>Wrote %1 particles of %2 x %2 px (%3 Å/px, SNR %4 over %5, %6) to %7 in %8 s</source>
        <translation>%1 Partikel mit %2 x %2 px (%3 Å/px, SNR %4 über %5, %6) in %8 s nach %7 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="107"/>
        <source>the particle disc</source>
        <translation>die Partikelscheibe</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="108"/>
        <source>the whole image</source>
        <translation>das ganze Bild</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="55"/>
        <source>Ab initio with a latent space: volumes per search chunk, decoded at the k-means centres of the chunk&apos;s z (default 8).</source>
        <translation>Ab initio mit latentem Raum: Volumen je Suchabschnitt, dekodiert an den k-Means-Zentren der z des Abschnitts (Vorgabe 8).</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="98"/>
        <source>Poses: the run&apos;s ab initio poses, not the particle file&apos;s (--input-poses keeps those)</source>
        <translation>Posen: die ab initio gefundenen Posen des Laufs, nicht die der Partikeldatei (--input-poses behält diese)</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="104"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/ExportCommand.cpp" line="125"/>
        <source>Ab initio runs: write the particle file&apos;s poses instead of the ones the run found.</source>
        <translation>Ab-initio-Läufe: die Posen der Partikeldatei schreiben statt der vom Lauf gefundenen.</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="109"/>
        <source>one conformation</source>
        <translation>eine Konformation</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="59"/>
        <source>Width of the Gaussian pseudo-atoms in Å (default 2.5, or half a pixel if that is wider): smaller gives finer detail, signal at higher frequencies; below 0.5 px the images alias.</source>
        <translation>Breite der gaußförmigen Pseudoatome in Å (Vorgabe 2,5, oder ein halbes Pixel, wenn das breiter ist): kleiner ergibt feinere Details, Signal bei höheren Frequenzen; unter 0,5 px entsteht Aliasing in den Bildern.</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="44"/>
        <source>Adam learning rate (default 4e-4; 1e-3 with --ab-initio).</source>
        <translation>Adam-Lernrate (Vorgabe 4e-4; 1e-3 mit --ab-initio).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="50"/>
        <source>Ab initio: search the poses every N epochs (default 1).</source>
        <translation>Ab initio: die Orientierungen alle N Epochen suchen (Vorgabe 1).</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="57"/>
        <source>Angles the hinged arms swing through, in degrees (default 0:80); hinge and two-hinges only.</source>
        <translation>Winkel, die die Gelenkarme überstreichen, in Grad (Vorgabe 0:80); nur für hinge und two-hinges.</translation>
    </message>
    <message>
        <location filename="../app/cli/SimulateCommand.cpp" line="58"/>
        <source>MIN:MAX</source>
        <translation>MIN:MAX</translation>
    </message>
    <message>
        <location filename="../app/cli/CliCommand.cpp" line="29"/>
        <source>Backproject particles with their poses and CTF into a map, half maps and FSC</source>
        <translation>Partikel mit ihren Orientierungen und ihrer CTF in eine Karte rückprojizieren, mit Halbkarten und FSC</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="24"/>
        <source>Backproject particles into a map with their poses, shifts and CTF (direct Fourier inversion in two half sets, masked by a soft sphere fitted to the particle). Writes DIR/backprojection.mrc (weighted by the signal-to-noise ratio the half maps show and filtered at their FSC = 0.143 resolution), DIR/backprojection_unfiltered.mrc, DIR/half_a.mrc, DIR/half_b.mrc and DIR/fsc.txt (spatial frequency in 1/Å, FSC), and prints the resolution at FSC 0.143 and 0.5.</source>
        <translation>Partikel mit ihren Orientierungen, Verschiebungen und ihrer CTF in eine Karte rückprojizieren (direkte Fourier-Inversion in zwei Hälften, maskiert mit einer weichen, an das Partikel angepassten Kugel). Schreibt DIR/backprojection.mrc (gewichtet mit dem Signal-Rausch-Verhältnis, das die Halbkarten zeigen, und gefiltert auf ihre Auflösung bei FSC = 0.143), DIR/backprojection_unfiltered.mrc, DIR/half_a.mrc, DIR/half_b.mrc und DIR/fsc.txt (Ortsfrequenz in 1/Å, FSC) und gibt die Auflösung bei FSC 0.143 und 0.5 aus.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="31"/>
        <source>Particles: .star or .cs with poses and CTF, or .mrcs with --poses and --ctf.</source>
        <translation>Partikel: .star oder .cs mit Orientierungen und CTF, oder .mrcs mit --poses und --ctf.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="34"/>
        <source>Backproject only these particles: 0-based indices, a .txt list or a cryoDRGN .pkl.</source>
        <translation>Nur diese Partikel rückprojizieren: Indizes ab 0, eine .txt-Liste oder eine cryoDRGN-.pkl.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="36"/>
        <source>Take the poses from this file: cryoDRGN pose.pkl, or a .star/.cs with the same particles.</source>
        <translation>Die Orientierungen aus dieser Datei nehmen: cryoDRGN-pose.pkl oder eine .star/.cs mit denselben Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="38"/>
        <source>Take the CTF from this file: cryoDRGN ctf.pkl, or a .star/.cs with the same particles.</source>
        <translation>Die CTF aus dieser Datei nehmen: cryoDRGN-ctf.pkl oder eine .star/.cs mit denselben Partikeln.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="40"/>
        <source>Take the poses an ab initio run found for these particles (its directory or run.h5).</source>
        <translation>Die Orientierungen nehmen, die ein Ab-initio-Lauf für diese Partikel gefunden hat (sein Ordner oder run.h5).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="42"/>
        <source>Backproject at most the first N particles (of the selection).</source>
        <translation>Höchstens die ersten N Partikel (der Auswahl) rückprojizieren.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="43"/>
        <source>How to form the half sets: even-odd (default, as cryoDRGN) or random.</source>
        <translation>Wie die Hälften gebildet werden: even-odd (gerade/ungerade, Voreinstellung, wie cryoDRGN) oder random (zufällig).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="43"/>
        <source>SPLIT</source>
        <translation>TEILUNG</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="44"/>
        <source>Random seed of --split random (default 1).</source>
        <translation>Zufallsstartwert für --split random (Voreinstellung 1).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="45"/>
        <source>Fourier grid oversampling, 1 (default) or 2 (finer interpolation, 8x the memory).</source>
        <translation>Überabtastung des Fourier-Gitters, 1 (Voreinstellung) oder 2 (feinere Interpolation, 8-facher Speicher).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="47"/>
        <source>Radius in Å of the soft spherical mask on the maps (default: fitted to the particle; 0: no mask).</source>
        <translation>Radius in Å der weichen Kugelmaske auf den Karten (Voreinstellung: an das Partikel angepasst; 0: keine Maske).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="49"/>
        <source>Worker threads (default: all cores).</source>
        <translation>Arbeits-Threads (Voreinstellung: alle Kerne).</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="94"/>
        <source>%1 Å</source>
        <translation>%1 Å</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="95"/>
        <source>beyond Nyquist (%1 Å)</source>
        <translation>jenseits von Nyquist (%1 Å)</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="100"/>
        <source>Backprojected %1 particles (halves of %2 and %3) in %4 s, %5 images/s</source>
        <translation>%1 Partikel rückprojiziert (Hälften aus %2 und %3) in %4 s, %5 Bilder/s</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="107"/>
        <source>Note: the particles have no CTF parameters; backprojected without CTF (give --ctf)</source>
        <translation>Hinweis: Die Partikel haben keine CTF-Parameter; ohne CTF rückprojiziert (--ctf angeben)</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="110"/>
        <source>Maps masked by a soft sphere of radius %1 Å around the box centre</source>
        <translation>Karten mit einer weichen Kugel vom Radius %1 Å um die Boxmitte maskiert</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="112"/>
        <source>Half-map FSC = 0.143: %1</source>
        <translation>Halbkarten-FSC = 0.143: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="113"/>
        <source>Half-map FSC = 0.5:   %1</source>
        <translation>Halbkarten-FSC = 0.5:   %1</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="114"/>
        <source>Wrote to %1: backprojection.mrc, backprojection_unfiltered.mrc, half_a.mrc, half_b.mrc, fsc.txt</source>
        <translation>Geschrieben nach %1: backprojection.mrc, backprojection_unfiltered.mrc, half_a.mrc, half_b.mrc, fsc.txt</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="127"/>
        <source>backproject: give one particles file and --out DIR.</source>
        <translation>backproject: eine Partikeldatei und --out ORDNER angeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/BackprojectCommand.cpp" line="131"/>
        <source>Backprojecting</source>
        <translation>Rückprojektion</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="74"/>
        <source>Train with N processes on this machine (data-parallel; --threads is then per process, default: the cores shared out). Under SLURM (srun) or with RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT set, each process joins its job by itself (docs/cluster.md).</source>
        <translation>Mit N Prozessen auf diesem Rechner trainieren (datenparallel; --threads gilt dann je Prozess, Vorgabe: die Kerne aufgeteilt). Unter SLURM (srun) oder mit gesetzten RANK, WORLD_SIZE, MASTER_ADDR und MASTER_PORT tritt jeder Prozess seinem Job selbst bei (docs/cluster.md).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="77"/>
        <source>Data-parallel: seconds a process waits for the others (rendezvous, gradient sums) before the job ends, naming the process that stopped (default 120).</source>
        <translation>Datenparallel: Sekunden, die ein Prozess auf die anderen wartet (Treffpunkt, Gradientensummen), bevor der Job endet und den Prozess nennt, der stehen blieb (Vorgabe 120).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="79"/>
        <source>Data-parallel: sum the gradients bucket by bucket during backward (overlap, default) or all after it (after).</source>
        <translation>Datenparallel: die Gradienten Eimer für Eimer schon während der Rückwärtsrechnung summieren (overlap, Vorgabe) oder alle danach (after).</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="80"/>
        <source>MODE</source>
        <translation>MODUS</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="219"/>
        <source>%1 processes: gradients %2 MB per step (%3 steps); summing them held each step %4 ms (%5)</source>
        <translation>%1 Prozesse: Gradienten %2 MB je Schritt (%3 Schritte); ihre Summe hielt jeden Schritt %4 ms auf (%5)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="225"/>
        <source>overlapped with backward</source>
        <translation>während der Rückwärtsrechnung</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainCommand.cpp" line="225"/>
        <source>after backward</source>
        <translation>nach der Rückwärtsrechnung</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainLauncher.cpp" line="44"/>
        <source>was killed (crashed or got a signal)</source>
        <translation>wurde beendet (abgestürzt oder durch ein Signal)</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainLauncher.cpp" line="45"/>
        <source>exited with code %1</source>
        <translation>endete mit Code %1</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainLauncher.cpp" line="77"/>
        <source>cryoscape train: rank %1 (pid %2, this machine) %3</source>
        <translation>cryoscape train: Rang %1 (PID %2, dieser Rechner) %3</translation>
    </message>
    <message>
        <location filename="../app/cli/TrainLauncher.cpp" line="89"/>
        <source>cryoscape train: ending the ranks still running %1 s after the failure</source>
        <translation>cryoscape train: beende die noch laufenden Ränge %1 s nach dem Fehler</translation>
    </message>
</context>
<context>
    <name>cryo</name>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="59"/>
        <source>PCA    </source>
        <translation>PCA    </translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="68"/>
        <source>PCA: %1 components, explained variance %2 %, %3 s</source>
        <translation>PCA: %1 Komponenten, erklärte Varianz %2 %, %3 s</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="77"/>
        <source>UMAP   </source>
        <translation>UMAP   </translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="81"/>
        <source>UMAP: %1 neighbours, min_dist %2, %3 epochs; kNN %4 s, layout %5 s</source>
        <translation>UMAP: %1 Nachbarn, min_dist %2, %3 Epochen; kNN %4 s, Layout %5 s</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="92"/>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <location filename="../app/cli/EmbedCommand.cpp" line="98"/>
        <source>k-means: %1 clusters, %2 iterations, inertia %3, %4 s</source>
        <translation>k-means: %1 Cluster, %2 Iterationen, Trägheit %3, %4 s</translation>
    </message>
    <message>
        <location filename="../app/cli/MovieCommand.cpp" line="54"/>
        <source>--%1 needs a colour name or #rrggbb, got &apos;%2&apos;</source>
        <translation>--%1 braucht einen Farbnamen oder #rrggbb, nicht &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <location filename="../app/GuiMain.cpp" line="20"/>
        <source>
Headless commands (cryoscape &lt;command&gt; --help):
</source>
        <translation>
Befehle ohne Oberfläche (cryoscape &lt;Befehl&gt; --help):
</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="52"/>
        <source>Cannot write the screenshot %1</source>
        <translation>Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="96"/>
        <source>Cryoscape — explore structural heterogeneity in cryo-EM data.</source>
        <translation>Cryoscape — strukturelle Heterogenität in Kryo-EM-Daten erkunden.</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="101"/>
        <source>Render the window to PATH (PNG) and exit.</source>
        <translation>Das Fenster als PNG nach PFAD schreiben und beenden.</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="102"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="104"/>
        <source>User interface language (e.g. de, en).</source>
        <translation>Sprache der Oberfläche (z. B. de, en).</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="105"/>
        <source>CODE</source>
        <translation>KÜRZEL</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="107"/>
        <source>Show the built-in demo map.</source>
        <translation>Die eingebaute Demokarte zeigen.</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="121"/>
        <source>Demo map</source>
        <translation>Demokarte</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="112"/>
        <source>Maps (.mrc) or particle datasets (.star, .cs, .mrcs, .txt) to open.</source>
        <translation>Zu öffnende Karten (.mrc) oder Partikeldatensätze (.star, .cs, .mrcs, .txt).</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="109"/>
        <source>Wait MS milliseconds before the screenshot (default 400).</source>
        <translation>MS Millisekunden vor dem Bildschirmfoto warten (Vorgabe 400).</translation>
    </message>
    <message>
        <location filename="../app/GuiMain.cpp" line="110"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
</context>
</TS>
