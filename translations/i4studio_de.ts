<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the gallery folder %1</source>
        <translation>Der Galerieordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation>%1 (Seed %2)</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the gallery</source>
        <translation>%1 kann nicht in die Galerie kopiert werden</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>not an i4studio session of this version</source>
        <translation>keine i4studio-Sitzung dieser Version</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>SettingsDiff</name>
    <message>
        <source>preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>std</source>
        <translation>std</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRAs</translation>
    </message>
    <message>
        <source>Input image</source>
        <translation>Eingabebild</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
</context>
<context>
    <name>i4::ui::Caption</name>
    <message>
        <source>Not a caption: no compositional_deconstruction found</source>
        <translation>Keine Bildbeschreibung: compositional_deconstruction fehlt</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a #RRGGBB colour</source>
        <translation>%1: „%2“ ist keine #RRGGBB-Farbe</translation>
    </message>
    <message>
        <source>%1: more than %2 colours</source>
        <translation>%1: mehr als %2 Farben</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; dropped</source>
        <translation>%1: unbekannter Schlüssel „%2“ entfernt</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2</source>
        <translation>Ungültiges JSON in Zeile %1, Spalte %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::CaptionEditor</name>
    <message>
        <source>Caption</source>
        <translation>Bildbeschreibung</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>One or two sentences about the whole image</source>
        <translation>Ein oder zwei Sätze über das ganze Bild</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>Fotografie</translation>
    </message>
    <message>
        <source>Art style</source>
        <translation>Kunststil</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Aesthetics</source>
        <translation>Ästhetik</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>Beleuchtung</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>What fills the image behind the elements</source>
        <translation>Was das Bild hinter den Elementen füllt</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>Objekt hinzufügen</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The exact text to render</source>
        <translation>Der genaue Text, der erscheinen soll</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
    <message>
        <source>Object: %1</source>
        <translation>Objekt: %1</translation>
    </message>
    <message>
        <source>Not a structured caption (%1). It will be sent as plain text, which Ideogram 4 follows poorly and blocks more often.</source>
        <translation>Keine strukturierte Beschreibung (%1). Sie wird als reiner Text gesendet; dem folgt Ideogram 4 schlecht, und es blockiert dann häufiger.</translation>
    </message>
    <message>
        <source>Valid caption.</source>
        <translation>Gültige Bildbeschreibung.</translation>
    </message>
    <message>
        <source>Schema warnings:</source>
        <translation>Warnungen zum Schema:</translation>
    </message>
    <message>
        <source>Drag on empty space to add a box; drag a box or its corners to move or resize it; Delete removes the selected one; right-click for more.</source>
        <translation>Auf freier Fläche ziehen fügt ein Feld hinzu; ein Feld oder seine Ecken ziehen verschiebt es oder ändert seine Größe; Entf löscht das ausgewählte; Rechtsklick für mehr.</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Feld verschieben</translation>
    </message>
    <message>
        <source>Delete the selected element (Delete)</source>
        <translation>Ausgewähltes Element löschen (Entf)</translation>
    </message>
    <message>
        <source>Placed on the canvas</source>
        <translation>Auf der Fläche platziert</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>0 to 1000 across the image, from its top-left corner</source>
        <translation>0 bis 1000 über das Bild, von der oberen linken Ecke aus</translation>
    </message>
    <message>
        <source>Top must be less than Bottom, and Left less than Right.</source>
        <translation>Oben muss kleiner als Unten sein und Links kleiner als Rechts.</translation>
    </message>
    <message>
        <source>Replace caption</source>
        <translation>Bildbeschreibung ersetzen</translation>
    </message>
    <message>
        <source>Edit JSON</source>
        <translation>JSON bearbeiten</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>Bildbeschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Delete element</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <source>Reorder elements</source>
        <translation>Elemente umordnen</translation>
    </message>
</context>
<context>
    <name>i4::ui::CompareView</name>
    <message>
        <source>Compare images</source>
        <translation>Bilder vergleichen</translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Wheel to zoom and drag to pan: every image follows.</source>
        <translation>Mausrad zoomt, Ziehen verschiebt: alle Bilder folgen.</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · Seed %2</translation>
    </message>
    <message>
        <source>%1 · strength %2</source>
        <translation>%1 · Stärke %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::DeviceText</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1, %2 (%3 free)</source>
        <translation>%1, %2 (%3 frei)</translation>
    </message>
    <message>
        <source>This build of i4studio cannot use the GPU: its LibTorch (%1) was built without CUDA. For a build that can, run scripts/run --gpu in the source folder on a machine with an NVIDIA GPU (README, section “NVIDIA GPU”).</source>
        <translation>Dieser Build von i4studio kann die GPU nicht nutzen: Seine LibTorch (%1) wurde ohne CUDA gebaut. Für einen Build, der es kann, auf einem Rechner mit NVIDIA-GPU im Quellordner scripts/run --gpu ausführen (README, Abschnitt „NVIDIA GPU“).</translation>
    </message>
    <message>
        <source>no usable NVIDIA GPU was found</source>
        <translation>es wurde keine nutzbare NVIDIA-GPU gefunden</translation>
    </message>
    <message>
        <source>i4studio cannot use the GPU: this build has CUDA (LibTorch %1), but %2</source>
        <translation>i4studio kann die GPU nicht nutzen: Dieser Build hat CUDA (LibTorch %1), aber %2</translation>
    </message>
    <message>
        <source>NVIDIA GPU</source>
        <translation>NVIDIA-GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>everything on the GPU</source>
        <translation>alles auf der GPU</translation>
    </message>
    <message>
        <source>text encoder in CPU memory</source>
        <translation>Text-Encoder im CPU-Speicher</translation>
    </message>
    <message>
        <source>low VRAM</source>
        <translation>wenig VRAM</translation>
    </message>
    <message>
        <source>fast (fp8)</source>
        <translation>schnell (fp8)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>The transformers&apos; block matmuls (attention and feed-forward) run in fp8 on the GPU&apos;s tensor cores, each token&apos;s activations scaled to fp8 on the fly: faster per step, but not the reference numerics, so a picture differs from the exact mode&apos;s for the same seed. Off: the exact mode, with the reference&apos;s numerics.</source>
        <translation>Die Matrixmultiplikationen in den Blöcken der Transformer (Attention und Feed-Forward) laufen in fp8 auf den Tensor-Kernen der GPU, die Aktivierungen jedes Tokens werden dabei laufend auf fp8 skaliert: schneller pro Schritt, aber nicht die Numerik der Referenz, daher weicht ein Bild beim selben Seed von dem des exakten Modus ab. Aus: der exakte Modus mit der Numerik der Referenz.</translation>
    </message>
    <message>
        <source>Quality cost: not measured on a GPU yet. bench_fast_mode measures it against the exact mode on one request and seed (image PSNR, largest pixel difference, z_final relative error); see bench/README.md.</source>
        <translation>Qualitätskosten: noch nicht auf einer GPU gemessen. bench_fast_mode misst sie gegenüber dem exakten Modus an einer Anfrage und einem Seed (Bild-PSNR, größte Pixelabweichung, relativer Fehler von z_final); siehe bench/README.md.</translation>
    </message>
    <message>
        <source>Not available: this build cannot use a GPU.</source>
        <translation>Nicht verfügbar: Dieser Build kann keine GPU nutzen.</translation>
    </message>
    <message>
        <source>Not available: no usable NVIDIA GPU was found.</source>
        <translation>Nicht verfügbar: Es wurde keine nutzbare NVIDIA-GPU gefunden.</translation>
    </message>
    <message>
        <source>Not available on %1: the fast mode needs a GPU with fp8 tensor cores (compute capability 8.9 or newer: RTX 40xx, L4/L40, H100/H200 and later) and LibTorch 2.4 or newer (this build has %2).</source>
        <translation>Auf %1 nicht verfügbar: Der schnelle Modus braucht eine GPU mit fp8-Tensor-Kernen (Compute Capability 8.9 oder neuer: RTX 40xx, L4/L40, H100/H200 und neuer) und LibTorch 2.4 oder neuer (dieser Build hat %2).</translation>
    </message>
</context>
<context>
    <name>i4::ui::FirstRunDialog</name>
    <message>
        <source>Choose model folder…</source>
        <translation>Modellordner wählen…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation>Ideogram-4-Modellordner wählen</translation>
    </message>
    <message>
        <source>Model folder looks good.</source>
        <translation>Der Modellordner sieht gut aus.</translation>
    </message>
    <message>
        <source>Getting the weights</source>
        <translation>Die Gewichte besorgen</translation>
    </message>
    <message>
        <source>You can start right away</source>
        <translation>Sie können sofort loslegen</translation>
    </message>
    <message>
        <source>i4studio comes with a small &lt;b&gt;demo model&lt;/b&gt;: flat shapes in six colours, 128×128 pixels, a picture in about a second on any CPU. It is used while no other model folder is chosen.</source>
        <translation>i4studio bringt ein kleines &lt;b&gt;Demo-Modell&lt;/b&gt; mit: flache Formen in sechs Farben, 128×128 Pixel, ein Bild in etwa einer Sekunde auf jeder CPU. Es wird verwendet, solange kein anderer Modellordner gewählt ist.</translation>
    </message>
    <message>
        <source>The real Ideogram 4 is published by Ideogram on Hugging Face. Accept the licence on the model&apos;s page, then download one of the two precisions:</source>
        <translation>Das echte Ideogram 4 veröffentlicht Ideogram auf Hugging Face. Akzeptieren Sie die Lizenz auf der Seite des Modells und laden Sie dann eine der beiden Genauigkeiten herunter:</translation>
    </message>
    <message>
        <source>fp8: about 30 GB on disk, about 28 GB of GPU memory</source>
        <translation>fp8: etwa 30 GB auf der Festplatte, etwa 28 GB GPU-Speicher</translation>
    </message>
    <message>
        <source>nf4: about 16 GB on disk, about 16 GB of GPU memory</source>
        <translation>nf4: etwa 16 GB auf der Festplatte, etwa 16 GB GPU-Speicher</translation>
    </message>
    <message>
        <source>The real model needs an NVIDIA GPU with that much memory (README, section “NVIDIA GPU”: &lt;tt&gt;scripts/run --gpu&lt;/tt&gt;). Choose the downloaded folder below; i4studio checks it without loading the weights. More folders can be added later under &lt;b&gt;Settings&lt;/b&gt;.</source>
        <translation>Das echte Modell braucht eine NVIDIA-GPU mit so viel Speicher (README, Abschnitt „NVIDIA GPU“: &lt;tt&gt;scripts/run --gpu&lt;/tt&gt;). Wählen Sie unten den heruntergeladenen Ordner; i4studio prüft ihn, ohne die Gewichte zu laden. Weitere Ordner lassen sich später unter &lt;b&gt;Einstellungen&lt;/b&gt; hinzufügen.</translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryDelegate</name>
    <message numerus="yes">
        <source>%n variation(s)</source>
        <translation>
            <numerusform>%n Variation</numerusform>
            <numerusform>%n Variationen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryModel</name>
    <message>
        <source>(no caption)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · Seed %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryPanel</name>
    <message>
        <source>Search prompts</source>
        <translation>Prompts durchsuchen</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Remix</source>
        <translation>Remixen</translation>
    </message>
    <message>
        <source>Copy caption</source>
        <translation>Bildbeschreibung kopieren</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>Bild löschen</translation>
    </message>
    <message>
        <source>Move this image to the trash?</source>
        <translation>Dieses Bild in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>Any preset</source>
        <translation>Beliebige Vorgabe</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>Beliebige Größe</translation>
    </message>
    <message>
        <source>Any model</source>
        <translation>Beliebiges Modell</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an image to see how it was made.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie ein Bild, um zu sehen, wie es entstanden ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildbeschreibung</translation>
    </message>
    <message>
        <source>Group variations</source>
        <translation>Variationen gruppieren</translation>
    </message>
    <message>
        <source>Show each image&apos;s variations right after it</source>
        <translation>Die Variationen eines Bildes direkt danach zeigen</translation>
    </message>
    <message>
        <source>Open full size</source>
        <translation>In voller Größe öffnen</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Reuse this seed</source>
        <translation>Diesen Seed wiederverwenden</translation>
    </message>
    <message>
        <source>Use as input</source>
        <translation>Als Eingabe verwenden</translation>
    </message>
    <message>
        <source>Vary subtly</source>
        <translation>Leicht variieren</translation>
    </message>
    <message>
        <source>Vary strongly</source>
        <translation>Stark variieren</translation>
    </message>
    <message>
        <source>Same caption, new seed</source>
        <translation>Gleiche Beschreibung, neuer Seed</translation>
    </message>
    <message>
        <source>Show source</source>
        <translation>Quelle zeigen</translation>
    </message>
    <message>
        <source>Show variations</source>
        <translation>Variationen zeigen</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>Nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>Image-to-image from this picture at strength %1, new seed</source>
        <translation>Bild-zu-Bild aus diesem Bild mit Stärke %1, neuer Seed</translation>
    </message>
    <message>
        <source>Select two to four images (Ctrl+click)</source>
        <translation>Zwei bis vier Bilder auswählen (Strg+Klick)</translation>
    </message>
    <message>
        <source>Double-click a thumbnail to see the image full size</source>
        <translation>Doppelklick auf ein Vorschaubild zeigt das Bild in voller Größe</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Variieren</translation>
    </message>
    <message numerus="yes">
        <source>Showing “%1” and the %n image(s) made from it. &lt;a href=&quot;all&quot;&gt;Show all images&lt;/a&gt;</source>
        <translation>
            <numerusform>„%1“ und das %n daraus erzeugte Bild. &lt;a href=&quot;all&quot;&gt;Alle Bilder zeigen&lt;/a&gt;</numerusform>
            <numerusform>„%1“ und die %n daraus erzeugten Bilder. &lt;a href=&quot;all&quot;&gt;Alle Bilder zeigen&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>an image</source>
        <translation>einem Bild</translation>
    </message>
    <message>
        <source>No images yet. Generate one, or use File › Import images.</source>
        <translation>Noch keine Bilder. Erzeugen Sie eines oder nutzen Sie Datei › Bilder importieren.</translation>
    </message>
    <message numerus="yes">
        <source>No matches among %n image(s). &lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>
            <numerusform>Kein Treffer unter %n Bild. &lt;a href=&quot;clear&quot;&gt;Filter zurücksetzen&lt;/a&gt;</numerusform>
            <numerusform>Keine Treffer unter %n Bildern. &lt;a href=&quot;clear&quot;&gt;Filter zurücksetzen&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n images</source>
        <translation>
            <numerusform>%n Bild löschen</numerusform>
            <numerusform>%n Bilder löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n images…</source>
        <translation>
            <numerusform>%n Bild exportieren…</numerusform>
            <numerusform>%n Bilder exportieren…</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>Erzeugt aus</translation>
    </message>
    <message>
        <source>an image not in the gallery</source>
        <translation>einem Bild, das nicht in der Galerie ist</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>Variationen</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Image copied to the clipboard</source>
        <translation>Bild in die Zwischenablage kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Move these %n images to the trash?</source>
        <translation>
            <numerusform>Dieses %n Bild in den Papierkorb verschieben?</numerusform>
            <numerusform>Diese %n Bilder in den Papierkorb verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation>Bilder löschen</translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s) to a folder</source>
        <translation>
            <numerusform>%n Bild in einen Ordner exportieren</numerusform>
            <numerusform>%n Bilder in einen Ordner exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Bilder exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1.</source>
        <translation>
            <numerusform>%n Bild nach %1 exportiert.</numerusform>
            <numerusform>%n Bilder nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Ordner zeigen</translation>
    </message>
    <message>
        <source>Subtle variation</source>
        <translation>Leichte Variation</translation>
    </message>
    <message>
        <source>Strong variation</source>
        <translation>Starke Variation</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>Neuer Seed</translation>
    </message>
    <message>
        <source>%1 of “%2” (seed %3)</source>
        <translation>%1 von „%2“ (Seed %3)</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 eingereiht</translation>
    </message>
    <message>
        <source>The image this was made from is not in the gallery.</source>
        <translation>Das Bild, aus dem dieses erzeugt wurde, ist nicht in der Galerie.</translation>
    </message>
    <message>
        <source>Select two to four images to compare.</source>
        <translation>Wählen Sie zwei bis vier Bilder zum Vergleichen aus.</translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation>%1 (Seed %2)</translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationPanel</name>
    <message>
        <source>Preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>+1 per image</source>
        <translation>+1 pro Bild</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Guidance schedule</source>
        <translation>Guidance-Verlauf</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>%1 MP</source>
        <translation>%1 MP</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the steps, guidance schedule, mu and std as a preset</source>
        <translation>Schritte, Guidance-Verlauf, mu und std als Vorgabe speichern</translation>
    </message>
    <message>
        <source>Saved from i4studio</source>
        <translation>Aus i4studio gespeichert</translation>
    </message>
    <message>
        <source>The preset needs a name.</source>
        <translation>Die Vorgabe braucht einen Namen.</translation>
    </message>
    <message>
        <source>No preset file is set.</source>
        <translation>Es ist keine Vorgabendatei festgelegt.</translation>
    </message>
    <message>
        <source>%1 is a built-in preset; choose another name.</source>
        <translation>%1 ist eine eingebaute Vorgabe; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Als Vorgabe speichern</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Name der Vorgabe:</translation>
    </message>
    <message>
        <source>Distilled model: it runs at guidance 1 without the unconditional pass, so this schedule does not apply.</source>
        <translation>Destilliertes Modell: Es läuft mit Guidance 1 ohne den unbedingten Durchlauf, daher gilt dieser Verlauf nicht.</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the model&apos;s own settings: its preset, main guidance and native size</source>
        <translation>Zurück zu den Einstellungen des Modells: seine Voreinstellung, Hauptführung und native Größe</translation>
    </message>
    <message>
        <source>Shapes at about the pixel count the model was trained at</source>
        <translation>Seitenverhältnisse bei etwa der Pixelzahl, mit der das Modell trainiert wurde</translation>
    </message>
    <message>
        <source>Typing a seed locks it; Random draws a new one for every image</source>
        <translation>Ein eingegebener Seed wird festgehalten; „Zufällig“ zieht für jedes Bild einen neuen</translation>
    </message>
    <message>
        <source>Best quality · 48 steps</source>
        <translation>Beste Qualität · 48 Schritte</translation>
    </message>
    <message>
        <source>Balanced · 20 steps</source>
        <translation>Ausgewogen · 20 Schritte</translation>
    </message>
    <message>
        <source>Fast draft · 12 steps</source>
        <translation>Schneller Entwurf · 12 Schritte</translation>
    </message>
    <message>
        <source>Model default (%1)</source>
        <translation>Standard des Modells (%1)</translation>
    </message>
    <message>
        <source>%1 with the model&apos;s own main guidance, %2, at its native size</source>
        <translation>%1 mit der eigenen Hauptführung des Modells, %2, in seiner nativen Größe</translation>
    </message>
    <message>
        <source>%1, at the model&apos;s native size</source>
        <translation>%1, in der nativen Größe des Modells</translation>
    </message>
    <message>
        <source>Main guidance %1, the model&apos;s own; the preset gives the steps and the schedule&apos;s shape</source>
        <translation>Hauptführung %1, die des Modells; die Voreinstellung bestimmt die Schritte und die Form des Verlaufs</translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture and a much longer run.</source>
        <translation>Das Modell wurde mit %1×%2 trainiert: Diese Größe hat das %3-Fache seiner Pixel; rechnen Sie mit einem schlechten Bild und einer viel längeren Laufzeit.</translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture.</source>
        <translation>Das Modell wurde mit %1×%2 trainiert: Diese Größe hat das %3-Fache seiner Pixel; rechnen Sie mit einem schlechten Bild.</translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationWorker</name>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
</context>
<context>
    <name>i4::ui::GuidanceScheduleEditor</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Set all</source>
        <translation>Alle setzen</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Main + polish tail</source>
        <translation>Haupt + Feinschliff</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Tail</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Linear ramp</source>
        <translation>Linearer Verlauf</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message numerus="yes">
        <source> step(s)</source>
        <comment>after the polish tail&apos;s length</comment>
        <translation>
            <numerusform> Schritt</numerusform>
            <numerusform> Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>This row makes the schedule in effect</source>
        <translation>Diese Zeile ergibt den geltenden Verlauf</translation>
    </message>
    <message>
        <source>In effect: %1 at every step</source>
        <translation>Es gilt: %1 bei jedem Schritt</translation>
    </message>
    <message numerus="yes">
        <source>In effect: %1, then a polish tail of %n step(s) at %2</source>
        <translation>
            <numerusform>Es gilt: %1, dann ein Feinschliff von %n Schritt mit %2</numerusform>
            <numerusform>Es gilt: %1, dann ein Feinschliff von %n Schritten mit %2</numerusform>
        </translation>
    </message>
    <message>
        <source>In effect: a linear ramp from %1 to %2</source>
        <translation>Es gilt: linear von %1 bis %2</translation>
    </message>
    <message>
        <source>In effect: a custom schedule, from %1 to %2</source>
        <translation>Es gilt: eigener Verlauf, von %1 bis %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Fit the window (0); double-click the image for 100 %</source>
        <translation>In das Fenster einpassen (0); Doppelklick auf das Bild für 100 %</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (1)</source>
        <translation>Ein Bildpixel pro Bildschirmpixel (1)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriges</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächstes</translation>
    </message>
    <message>
        <source>The image before this one in the gallery (Left)</source>
        <translation>Das Bild davor in der Galerie (Links)</translation>
    </message>
    <message>
        <source>The image after this one in the gallery (Right)</source>
        <translation>Das Bild danach in der Galerie (Rechts)</translation>
    </message>
</context>
<context>
    <name>i4::ui::JobQueueModel</name>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation>%1 – Schritt %2 von %3</translation>
    </message>
    <message>
        <source>%1 — starting</source>
        <translation>%1 – startet</translation>
    </message>
    <message>
        <source>%1 — waiting</source>
        <translation>%1 – wartet</translation>
    </message>
</context>
<context>
    <name>i4::ui::LoraPicker</name>
    <message>
        <source>As the file says</source>
        <translation>Wie in der Datei</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>Bedingt</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>Unbedingt</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Which transformer this LoRA goes on. Trainers write LoRAs for the conditional one; &quot;As the file says&quot; follows its keys.</source>
        <translation>Auf welchen Transformer diese LoRA kommt. Trainer schreiben LoRAs für den bedingten; „Wie in der Datei“ folgt ihren Schlüsseln.</translation>
    </message>
    <message>
        <source>both transformers</source>
        <translation>beide Transformer</translation>
    </message>
    <message>
        <source>unconditional transformer</source>
        <translation>unbedingter Transformer</translation>
    </message>
    <message>
        <source>conditional transformer</source>
        <translation>bedingter Transformer</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>not a safetensors file: %1</source>
        <translation>keine safetensors-Datei: %1</translation>
    </message>
    <message>
        <source>no LoRA tensor of an Ideogram 4 transformer</source>
        <translation>kein LoRA-Tensor eines Ideogram-4-Transformers</translation>
    </message>
    <message>
        <source>No LoRA: the model as published.</source>
        <translation>Kein LoRA: das Modell wie veröffentlicht.</translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation>LoRA hinzufügen…</translation>
    </message>
    <message>
        <source>LoRA adapters (.safetensors) from diffusers, ComfyUI, ai-toolkit, OneTrainer, kohya or musubi-tuner. Changing them reloads the model.</source>
        <translation>LoRA-Adapter (.safetensors) aus diffusers, ComfyUI, ai-toolkit, OneTrainer, kohya oder musubi-tuner. Eine Änderung lädt das Modell neu.</translation>
    </message>
    <message>
        <source>%1 layout; %2 adapter(s) merged, %3 applied on the fly</source>
        <translation>Layout %1; %2 Adapter eingerechnet, %3 laufend angewendet</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) not used, e.g. %1</source>
        <translation>
            <numerusform>%n Schlüssel nicht verwendet, z. B. %1</numerusform>
            <numerusform>%n Schlüssel nicht verwendet, z. B. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>LoRA weight</source>
        <translation>LoRA-Gewicht</translation>
    </message>
    <message>
        <source>Remove this LoRA</source>
        <translation>Dieses LoRA entfernen</translation>
    </message>
    <message>
        <source>Add LoRA files</source>
        <translation>LoRA-Dateien hinzufügen</translation>
    </message>
    <message>
        <source>LoRA weights (*.safetensors)</source>
        <translation>LoRA-Gewichte (*.safetensors)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Nicht hinzugefügt</translation>
    </message>
</context>
<context>
    <name>i4::ui::MainWindow</name>
    <message>
        <source>i4studio %1</source>
        <translation>i4studio %1</translation>
    </message>
    <message>
        <source>Gallery unavailable: %1</source>
        <translation>Galerie nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Model ready</source>
        <translation>Modell bereit</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Compose a caption, pick a preset and press Generate.</source>
        <translation>Bildbeschreibung verfassen, Vorgabe wählen und auf „Erzeugen“ klicken.</translation>
    </message>
    <message>
        <source>Could not save the image to the gallery: %1. It is still shown: File › Save image as… keeps it elsewhere.</source>
        <translation>Das Bild konnte nicht in der Galerie gespeichert werden: %1. Es wird weiter angezeigt: Datei › Bild speichern unter… bewahrt es anderswo auf.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt…</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>Erzeugung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation>Das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Reload model</source>
        <translation>Modell neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
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
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation>&amp;Galerie</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Getting the &amp;weights…</source>
        <translation>&amp;Gewichte beschaffen…</translation>
    </message>
    <message>
        <source>&amp;About i4studio</source>
        <translation>Über i4&amp;studio</translation>
    </message>
    <message>
        <source>About i4studio</source>
        <translation>Über i4studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;i4studio %1&lt;/b&gt;&lt;p&gt;A desktop studio for the open-weight Ideogram 4 text-to-image model.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;i4studio %1&lt;/b&gt;&lt;p&gt;Ein Desktop-Studio für das Text-zu-Bild-Modell Ideogram 4 mit offenen Gewichten.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Gallery folder and language changes apply after a restart.</source>
        <translation>Änderungen an Galerieordner und Sprache gelten nach einem Neustart.</translation>
    </message>
    <message>
        <source>Demo model (%1×%2) · real weights: File › Settings</source>
        <translation>Demo-Modell (%1×%2) · echte Gewichte: Datei › Einstellungen</translation>
    </message>
    <message>
        <source>No model folder set (File › Settings)</source>
        <translation>Kein Modellordner festgelegt (Datei › Einstellungen)</translation>
    </message>
    <message>
        <source>This build cannot generate (no inference engine)</source>
        <translation>Dieser Build kann keine Bilder erzeugen (keine Inferenz-Engine)</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Settings restored from the gallery; the seed is locked.</source>
        <translation>Einstellungen aus der Galerie übernommen; der Seed ist fest.</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>Bitte zuerst einen Prompt schreiben.</translation>
    </message>
    <message>
        <source>The model returned its grey “blocked” image. This happens most with plain-text or malformed captions: use the structured caption form.</source>
        <translation>Das Modell hat sein graues „blockiert“-Bild geliefert. Das passiert vor allem bei reinem Text oder fehlerhaften Beschreibungen: Verwenden Sie das strukturierte Beschreibungsformular.</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>Fertig in %1 s</translation>
    </message>
    <message>
        <source>Your presets could not be read: %1</source>
        <translation>Ihre Vorgaben konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Save as &amp;preset…</source>
        <translation>Als &amp;Vorgabe speichern…</translation>
    </message>
    <message>
        <source>&amp;Import images…</source>
        <translation>Bilder &amp;importieren…</translation>
    </message>
    <message>
        <source>The gallery is not available.</source>
        <translation>Die Galerie ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Import images made by i4studio or i4</source>
        <translation>Mit i4studio oder i4 erstellte Bilder importieren</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n image(s)</source>
        <translation>
            <numerusform>%n Bild importiert</numerusform>
            <numerusform>%n Bilder importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n Datei übersprungen</numerusform>
            <numerusform>%n Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The model asks for the preset %1, which this version does not have</source>
        <translation>Das Modell verlangt die Voreinstellung %1, die diese Version nicht kennt</translation>
    </message>
    <message>
        <source>Generating… step %1 of %2, %3 s per step</source>
        <translation>Erzeuge… Schritt %1 von %2, %3 s pro Schritt</translation>
    </message>
    <message>
        <source>Loading model: %1 (%2 of %3)…</source>
        <translation>Lade Modell: %1 (%2 von %3)…</translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3 of %4</source>
        <translation>%1 · %2 · GPU-Speicher %3 von %4</translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3</source>
        <translation>%1 · %2 · GPU-Speicher %3</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 s</translation>
    </message>
    <message>
        <source>Loaded in %1 s: %2</source>
        <translation>Geladen in %1 s: %2</translation>
    </message>
    <message>
        <source>%1 s per step</source>
        <translation>%1 s pro Schritt</translation>
    </message>
    <message>
        <source>peak GPU memory %1</source>
        <translation>GPU-Speicher höchstens %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · LoRA: %2</source>
        <translation>%1 · LoRA: %2</translation>
    </message>
    <message>
        <source>%1 · distilled (guidance 1)</source>
        <translation>%1 · destilliert (Guidance 1)</translation>
    </message>
    <message>
        <source>Seed %1 is locked: the next image uses it.</source>
        <translation>Seed %1 ist festgelegt: Das nächste Bild verwendet ihn.</translation>
    </message>
    <message>
        <source>&amp;Open caption…</source>
        <translation>Beschreibung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open caption</source>
        <translation>Beschreibung öffnen</translation>
    </message>
    <message>
        <source>Captions (*.json *.txt);;All files (*)</source>
        <translation>Beschreibungen (*.json *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Save caption…</source>
        <translation>Beschreibung &amp;speichern…</translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation>Beschreibung speichern</translation>
    </message>
    <message>
        <source>Captions (*.json);;Text (*.txt)</source>
        <translation>Beschreibungen (*.json);;Text (*.txt)</translation>
    </message>
    <message>
        <source>Save &amp;image as…</source>
        <translation>&amp;Bild speichern unter…</translation>
    </message>
    <message>
        <source>No picture to save yet.</source>
        <translation>Noch kein Bild zum Speichern.</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>%1 is too large for a caption</source>
        <translation>%1 ist zu groß für eine Beschreibung</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Caption saved to %1</source>
        <translation>Beschreibung in %1 gespeichert</translation>
    </message>
    <message>
        <source>Image saved to %1</source>
        <translation>Bild in %1 gespeichert</translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation>Die letzte Sitzung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Quit i4studio</source>
        <translation>i4studio beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Quit anyway? (They are kept, and offered again at the next start.)</source>
        <translation>
            <numerusform>%n Bild ist noch in der Warteschlange oder in Arbeit. Trotzdem beenden? (Es bleibt erhalten und wird beim nächsten Start wieder angeboten.)</numerusform>
            <numerusform>%n Bilder sind noch in der Warteschlange oder in Arbeit. Trotzdem beenden? (Sie bleiben erhalten und werden beim nächsten Start wieder angeboten.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch models</source>
        <translation>Modell wechseln</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Switching models cancels them. Switch anyway?</source>
        <translation>
            <numerusform>%n Bild ist noch in der Warteschlange oder in Arbeit. Ein Modellwechsel bricht es ab. Trotzdem wechseln?</numerusform>
            <numerusform>%n Bilder sind noch in der Warteschlange oder in Arbeit. Ein Modellwechsel bricht sie ab. Trotzdem wechseln?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>„%1“ &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>„%1“ &amp;wiederholen</translation>
    </message>
    <message>
        <source>The magic prompt is still writing the caption.</source>
        <translation>Der Magic Prompt schreibt die Bildbeschreibung noch.</translation>
    </message>
</context>
<context>
    <name>i4::ui::ModelFolderCheck</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>This is not a usable Ideogram 4 model folder: %1</source>
        <translation>Das ist kein verwendbarer Ideogram-4-Modellordner: %1</translation>
    </message>
</context>
<context>
    <name>i4::ui::PaletteEditor</name>
    <message>
        <source>Add a colour</source>
        <translation>Farbe hinzufügen</translation>
    </message>
    <message>
        <source>%1 — click to change, right-click to remove</source>
        <translation>%1 – Klicken zum Ändern, Rechtsklick zum Entfernen</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Farbe wählen</translation>
    </message>
</context>
<context>
    <name>i4::ui::PreviewView</name>
    <message>
        <source>The image appears here while it is generated.</source>
        <translation>Hier erscheint das Bild, während es entsteht.</translation>
    </message>
    <message>
        <source>Step %1 of %2 — about %3 s left</source>
        <translation>Schritt %1 von %2 – noch etwa %3 s</translation>
    </message>
    <message>
        <source>Cancelled — not a finished image</source>
        <translation>Abgebrochen – kein fertiges Bild</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>i4::ui::QueuePanel</name>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
</context>
<context>
    <name>i4::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Model folders</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Select a folder to check it.</source>
        <translation>Einen Ordner auswählen, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation>Ideogram-4-Modellordner wählen</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA-GPU (CUDA)</translation>
    </message>
    <message>
        <source>bfloat16 (less memory)</source>
        <translation>bfloat16 (weniger Speicher)</translation>
    </message>
    <message>
        <source>float32 (exact, slow)</source>
        <translation>float32 (exakt, langsam)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Gallery folder</source>
        <translation>Galerieordner</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Sprache (nach Neustart)</translation>
    </message>
    <message>
        <source>Allow image sizes outside the published limits (test models)</source>
        <translation>Bildgrößen außerhalb der veröffentlichten Grenzen erlauben (Testmodelle)</translation>
    </message>
    <message>
        <source>The released model supports 256 to 2048 pixels per side and at most 6:1. Small test models (such as the tiny golden folders) also run at sizes like 64×64.</source>
        <translation>Das veröffentlichte Modell unterstützt 256 bis 2048 Pixel pro Seite und höchstens 6:1. Kleine Testmodelle (etwa die winzigen Golden-Ordner) laufen auch mit Größen wie 64×64.</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>An NVIDIA GPU when this build can use one, otherwise the CPU.</source>
        <translation>Eine NVIDIA-GPU, wenn dieser Build eine nutzen kann, sonst die CPU.</translation>
    </message>
    <message>
        <source>The first NVIDIA GPU. Loading fails with a message when it cannot be used.</source>
        <translation>Die erste NVIDIA-GPU. Ist sie nicht nutzbar, schlägt das Laden mit einer Meldung fehl.</translation>
    </message>
    <message>
        <source>Works on every machine; fine for the demo model, very slow for the real one.</source>
        <translation>Läuft auf jedem Rechner; gut für das Demo-Modell, sehr langsam für das echte.</translation>
    </message>
    <message>
        <source>Looking for an NVIDIA GPU…</source>
        <translation>Suche nach einer NVIDIA-GPU…</translation>
    </message>
    <message>
        <source>This session uses --device %1 from the command line; a device chosen here replaces it.</source>
        <translation>Diese Sitzung nutzt --device %1 von der Kommandozeile; ein hier gewähltes Gerät ersetzt es.</translation>
    </message>
    <message>
        <source>When the model loads, the first of the modes below whose estimate fits the GPU&apos;s free memory.</source>
        <translation>Beim Laden des Modells der erste der folgenden Modi, dessen Schätzung in den freien GPU-Speicher passt.</translation>
    </message>
    <message>
        <source>Everything on the GPU</source>
        <translation>Alles auf der GPU</translation>
    </message>
    <message>
        <source>Every component on the GPU in the compute precision: the fastest mode, and the one that needs the most GPU memory.</source>
        <translation>Jede Komponente in Rechengenauigkeit auf der GPU: der schnellste Modus und der mit dem größten GPU-Speicherbedarf.</translation>
    </message>
    <message>
        <source>Text encoder in CPU memory</source>
        <translation>Text-Encoder im CPU-Speicher</translation>
    </message>
    <message>
        <source>The text encoder stays in CPU memory and streams to the GPU layer by layer while a caption is encoded; a new seed for the same caption needs no encoding. The transformers and the VAE stay on the GPU.</source>
        <translation>Der Text-Encoder bleibt im CPU-Speicher und wird beim Kodieren einer Beschreibung Schicht für Schicht zur GPU übertragen; ein neuer Seed für dieselbe Beschreibung braucht keine Kodierung. Die Transformer und das VAE bleiben auf der GPU.</translation>
    </message>
    <message>
        <source>Low VRAM (fp8/nf4 weights stay compressed)</source>
        <translation>Wenig VRAM (fp8/nf4-Gewichte bleiben komprimiert)</translation>
    </message>
    <message>
        <source>As above, and the transformers keep their fp8 or nf4 weights compressed on the GPU, expanding one layer at a time as it runs: for consumer cards, a little slower per step.</source>
        <translation>Wie oben, und die Transformer behalten ihre fp8- oder nf4-Gewichte komprimiert auf der GPU und entpacken sie Schicht für Schicht beim Rechnen: für Consumer-Karten, pro Schritt etwas langsamer.</translation>
    </message>
    <message>
        <source>bfloat16 on a GPU, float32 on the CPU.</source>
        <translation>bfloat16 auf einer GPU, float32 auf der CPU.</translation>
    </message>
    <message>
        <source>The reference precision the tests check against; twice the memory of bfloat16.</source>
        <translation>Die Referenzgenauigkeit, gegen die die Tests prüfen; doppelt so viel Speicher wie bfloat16.</translation>
    </message>
    <message>
        <source>Half the memory of float32 and faster on a GPU; pictures differ from float32 in fine detail.</source>
        <translation>Halb so viel Speicher wie float32 und schneller auf einer GPU; die Bilder unterscheiden sich von float32 in feinen Details.</translation>
    </message>
    <message>
        <source>Memory mode</source>
        <translation>Speichermodus</translation>
    </message>
    <message>
        <source>%1 · LibTorch %2 with CUDA</source>
        <translation>%1 · LibTorch %2 mit CUDA</translation>
    </message>
    <message>
        <source>Fast mode (fp8 matmuls)</source>
        <translation>Schneller Modus (fp8-Matrixmultiplikationen)</translation>
    </message>
    <message>
        <source>Runs on the GPU only: on the CPU the model loads in the exact mode.</source>
        <translation>Nur auf der GPU: Auf der CPU lädt das Modell im exakten Modus.</translation>
    </message>
    <message>
        <source>Needs bfloat16: with float32 chosen above, the model loads in the exact mode.</source>
        <translation>Braucht bfloat16: Mit float32 (oben gewählt) lädt das Modell im exakten Modus.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation>Magic Prompt</translation>
    </message>
    <message>
        <source>The API key could not be stored: %1</source>
        <translation>Der API-Schlüssel konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Automatic (NVIDIA GPU)</source>
        <translation>Automatisch (NVIDIA-GPU)</translation>
    </message>
    <message>
        <source>Automatic (CPU)</source>
        <translation>Automatisch (CPU)</translation>
    </message>
</context>
<context>
    <name>i4::ui::TokenCountLabel</name>
    <message>
        <source>– / %1 tokens</source>
        <translation>– / %1 Tokens</translation>
    </message>
    <message>
        <source>The token count needs a loaded model.</source>
        <translation>Für die Tokenzahl muss ein Modell geladen sein.</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens; shorten the caption.</source>
        <translation>Das Modell liest höchstens %1 Tokens; kürzen Sie die Bildbeschreibung.</translation>
    </message>
    <message>
        <source>Tokens in the prompt as the model reads it (after chat framing).</source>
        <translation>Tokens im Prompt, so wie das Modell ihn liest (mit Chat-Rahmen).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>With --generate: keep the session as an interactive run does (the queue saved as it changes) and queue again, first, what an interrupted run left queued.</source>
        <translation>Mit --generate: die Sitzung wie ein interaktiver Lauf führen (die Warteschlange wird bei jeder Änderung gespeichert) und zuerst erneut einreihen, was ein unterbrochener Lauf in der Warteschlange ließ.</translation>
    </message>
    <message>
        <source>The seed of the first image (locked).</source>
        <translation>Der Seed des ersten Bildes (festgelegt).</translation>
    </message>
    <message>
        <source>Desktop studio for the Ideogram 4 model</source>
        <translation>Desktop-Studio für das Modell Ideogram 4</translation>
    </message>
    <message>
        <source>Open the caption (JSON) in FILE.</source>
        <translation>Die Beschreibung (JSON) aus FILE öffnen.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit (with --generate: when --screenshot-step is reached).</source>
        <translation>Ein Bild des Hauptfensters in FILE speichern und beenden (mit --generate: sobald --screenshot-step erreicht ist).</translation>
    </message>
    <message>
        <source>With --generate: once the image is in the gallery, show it there, save a picture of the window to FILE and quit.</source>
        <translation>Mit --generate: sobald das Bild in der Galerie ist, es dort zeigen, ein Bild des Fensters in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>Use the model folder DIR (added to the settings and made the active one).</source>
        <translation>Den Modellordner DIR verwenden (wird in die Einstellungen aufgenommen und aktiv gesetzt).</translation>
    </message>
    <message>
        <source>Image size, e.g. 256x256.</source>
        <translation>Bildgröße, z. B. 256x256.</translation>
    </message>
    <message>
        <source>Number of images to generate (default 1).</source>
        <translation>Anzahl der zu erzeugenden Bilder (Standard 1).</translation>
    </message>
    <message>
        <source>Queue the images from the caption at start-up.</source>
        <translation>Beim Start die Bilder aus der Bildbeschreibung in die Warteschlange stellen.</translation>
    </message>
    <message>
        <source>With --generate: the step at which --screenshot is taken (default 2; 0: the finished image).</source>
        <translation>Mit --generate: der Schritt, bei dem --screenshot aufgenommen wird (Standard 2; 0: das fertige Bild).</translation>
    </message>
    <message>
        <source>Run the model on DEVICE this session: auto (an NVIDIA GPU when this build can use one), cuda or cpu. Overrides the setting without changing it.</source>
        <translation>Das Modell in dieser Sitzung auf DEVICE ausführen: auto (eine NVIDIA-GPU, wenn dieser Build eine nutzen kann), cuda oder cpu. Überschreibt die Einstellung, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>Open the settings, save a picture of them to FILE once the GPU check has answered, and quit.</source>
        <translation>Die Einstellungen öffnen, nach der GPU-Prüfung ein Bild davon in FILE speichern und beenden.</translation>
    </message>
</context>
<context>
    <name>i4::ui::SessionKeeper</name>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Queued images</source>
        <translation>Wartende Bilder</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) were still queued when i4studio closed. Queue them again?</source>
        <translation>
            <numerusform>%n Bild war noch in der Warteschlange, als i4studio beendet wurde. Erneut einreihen?</numerusform>
            <numerusform>%n Bilder waren noch in der Warteschlange, als i4studio beendet wurde. Erneut einreihen?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::DemoModelHints</name>
    <message>
        <source>Demo model: 1–3 shapes, 6 colours; keep boxes off the edges</source>
        <translation>Demo-Modell: 1–3 Formen, 6 Farben; Rahmen nicht an die Ränder</translation>
    </message>
    <message>
        <source>Demo model: 1–3 shapes (circle, square, triangle, star, ring) in 6 colours (red, green, blue, yellow, orange, purple) on a plain background. Keep boxes away from the edges.</source>
        <translation>Demo-Modell: 1–3 Formen (Kreis, Quadrat, Dreieck, Stern, Ring) in 6 Farben (Rot, Grün, Blau, Gelb, Orange, Lila) auf einfarbigem Hintergrund. Rahmen nicht an die Ränder legen.</translation>
    </message>
    <message>
        <source>demo ignores</source>
        <translation>von Demo ignoriert</translation>
    </message>
    <message>
        <source>The demo model was not trained on this field; it is sent, but does not change its pictures.</source>
        <translation>Das Demo-Modell wurde nicht mit diesem Feld trainiert; es wird gesendet, ändert seine Bilder aber nicht.</translation>
    </message>
</context>
<context>
    <name>i4::ui::LayoutCanvas</name>
    <message>
        <source>Delete element</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <source>Bring forward</source>
        <translation>Nach vorne</translation>
    </message>
    <message>
        <source>Send backward</source>
        <translation>Nach hinten</translation>
    </message>
    <message>
        <source>Add object here</source>
        <translation>Objekt hier hinzufügen</translation>
    </message>
    <message>
        <source>Add text here</source>
        <translation>Text hier hinzufügen</translation>
    </message>
</context>
<context>
    <name>i4::ui::ScheduleBars</name>
    <message>
        <source>Drag up or down to set steps; click a step to type its value.</source>
        <translation>Nach oben oder unten ziehen setzt Schritte; ein Klick auf einen Schritt lässt seinen Wert eintippen.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Step %1: </source>
        <translation>Schritt %1: </translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicPromptBar</name>
    <message>
        <source>No magic prompt back end is set up.</source>
        <translation>Für den Magic Prompt ist kein Backend eingerichtet.</translation>
    </message>
    <message>
        <source>A plain idea, e.g. a green star above a red ring</source>
        <translation>Eine einfache Idee, z. B. ein grüner Stern über einem roten Ring</translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation>Magic Prompt</translation>
    </message>
    <message>
        <source>Write a detailed structured caption from the idea (the back end is chosen in Settings › Magic prompt)</source>
        <translation>Aus der Idee eine ausführliche, strukturierte Bildbeschreibung schreiben (das Backend wird unter Einstellungen › Magic Prompt gewählt)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Magic prompt failed: %1</source>
        <translation>Magic Prompt fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Magic prompt cancelled; the caption is as it was.</source>
        <translation>Magic Prompt abgebrochen; die Bildbeschreibung ist unverändert.</translation>
    </message>
    <message>
        <source>Type an idea first.</source>
        <translation>Bitte zuerst eine Idee eingeben.</translation>
    </message>
    <message>
        <source>Writing the caption (%1)…</source>
        <translation>Bildbeschreibung wird geschrieben (%1)…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Caption written in %1 s (%2). Edit it as you like.</source>
        <translation>Bildbeschreibung in %1 s geschrieben (%2). Sie können sie beliebig bearbeiten.</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettings</name>
    <message>
        <source>No endpoint model is set. Enter the URL and model of an OpenAI-compatible chat server in Settings › Magic prompt.</source>
        <translation>Es ist kein Endpunkt-Modell eingestellt. Geben Sie unter Einstellungen › Magic Prompt die URL und das Modell eines OpenAI-kompatiblen Chat-Servers ein.</translation>
    </message>
    <message>
        <source>The local magic prompt runs the active model&apos;s language model: choose a model folder in Settings first.</source>
        <translation>Der lokale Magic Prompt verwendet das Sprachmodell des aktiven Modells: Wählen Sie zuerst in den Einstellungen einen Modellordner.</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettingsBox</name>
    <message>
        <source>Magic prompt</source>
        <translation>Magic Prompt</translation>
    </message>
    <message>
        <source>Endpoint (OpenAI-compatible chat API)</source>
        <translation>Endpunkt (OpenAI-kompatible Chat-API)</translation>
    </message>
    <message>
        <source>Local (the model&apos;s own language model)</source>
        <translation>Lokal (das eigene Sprachmodell des Modells)</translation>
    </message>
    <message>
        <source>The API&apos;s base address: Ollama http://localhost:11434/v1, llama.cpp server http://localhost:8080/v1, LM Studio http://localhost:1234/v1, or a cloud service&apos;s</source>
        <translation>Die Basisadresse der API: Ollama http://localhost:11434/v1, llama.cpp-Server http://localhost:8080/v1, LM Studio http://localhost:1234/v1 oder die eines Cloud-Dienstes</translation>
    </message>
    <message>
        <source>e.g. qwen3:8b</source>
        <translation>z. B. qwen3:8b</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Stream the caption as it is written</source>
        <translation>Bildbeschreibung beim Schreiben laufend anzeigen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long the server may stay silent before the request is given up</source>
        <translation>Wie lange der Server schweigen darf, bevor die Anfrage aufgegeben wird</translation>
    </message>
    <message>
        <source>Back end</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>the stored key is removed on OK</source>
        <translation>der gespeicherte Schlüssel wird bei OK entfernt</translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace</source>
        <translation>im Schlüsselbund des Systems gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>none (local servers need none)</source>
        <translation>keiner (lokale Server brauchen keinen)</translation>
    </message>
    <message>
        <source>No system keychain answered, so the API key is kept in %1, which only you can read.</source>
        <translation>Kein Schlüsselbund des Systems hat geantwortet; der API-Schlüssel liegt daher in %1, das nur Sie lesen können.</translation>
    </message>
    <message>
        <source>An API key is kept in the system keychain (or, where there is none, in a file only you can read), never in the settings file.</source>
        <translation>Ein API-Schlüssel wird im Schlüsselbund des Systems gespeichert (gibt es keinen, in einer Datei, die nur Sie lesen können), nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>beside the text encoder</source>
        <translation>neben dem Text-Encoder</translation>
    </message>
    <message>
        <source>The LM head (lm_head.weight) when it is not beside the text encoder: a .safetensors file, or a folder such as a Qwen/Qwen3-VL-8B-Instruct download</source>
        <translation>Der LM-Head (lm_head.weight), wenn er nicht neben dem Text-Encoder liegt: eine .safetensors-Datei oder ein Ordner, etwa ein Download von Qwen/Qwen3-VL-8B-Instruct</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Folder with the LM head</source>
        <translation>Ordner mit dem LM-Head</translation>
    </message>
    <message>
        <source>LM head</source>
        <translation>LM-Head</translation>
    </message>
    <message>
        <source>The local back end runs on this machine with the active model folder: the demo model&apos;s own small language model, or the text encoder with an LM head (lm_head.weight, 622M parameters, from Qwen/Qwen3-VL-8B-Instruct) found beside it or where LM head says. It loads on the first magic prompt and stays loaded.</source>
        <translation>Das lokale Backend läuft auf diesem Rechner mit dem aktiven Modellordner: dem eigenen kleinen Sprachmodell des Demomodells oder dem Text-Encoder mit einem LM-Head (lm_head.weight, 622 Mio. Parameter, aus Qwen/Qwen3-VL-8B-Instruct), der daneben oder unter „LM-Head“ zu finden ist. Es wird beim ersten Magic Prompt geladen und bleibt geladen.</translation>
    </message>
</context>
<context>
    <name>i4::ui::ImageInputPanel</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Take back the last change to the mask</source>
        <translation>Die letzte Änderung an der Maske zurücknehmen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop working from this image: text to image again</source>
        <translation>Nicht mehr von diesem Bild ausgehen: wieder Text zu Bild</translation>
    </message>
    <message>
        <source>Paint where the picture is repainted (white in the mask). No mask: the whole picture is redrawn at the strength below.</source>
        <translation>Malen Sie, wo das Bild neu gemalt wird (weiß in der Maske). Ohne Maske wird das ganze Bild mit der Stärke unten neu gezeichnet.</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint the area to repaint</source>
        <translation>Den neu zu malenden Bereich malen</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Keep this area after all</source>
        <translation>Diesen Bereich doch behalten</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Drag a box to repaint</source>
        <translation>Ein Rechteck zum Neumalen aufziehen</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush size, in pixels of the input image</source>
        <translation>Pinselgröße in Pixeln des Eingabebilds</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>How soft the brush&apos;s edge is: 0 paints a hard edge</source>
        <translation>Wie weich der Pinselrand ist: 0 malt einen harten Rand</translation>
    </message>
    <message>
        <source>Soft edge</source>
        <translation>Weicher Rand</translation>
    </message>
    <message>
        <source>Blend the repainted area this many pixels into the kept picture (the mask&apos;s and the extension&apos;s edges)</source>
        <translation>Den neu gemalten Bereich so viele Pixel weit in das behaltene Bild überblenden (Ränder der Maske und der Erweiterung)</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>Überblenden</translation>
    </message>
    <message>
        <source>How much is redrawn: the last share of the steps runs from the picture with noise added. 1 = from noise (the picture only guides the kept area).</source>
        <translation>Wie viel neu gezeichnet wird: der letzte Teil der Schritte läuft vom verrauschten Bild aus. 1 = aus Rauschen (das Bild bestimmt nur den behaltenen Bereich).</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Crop to fill</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Strecken</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <source>Outpainting: pixels added on this side (%1); the new area is painted</source>
        <translation>Outpainting: Pixel, die auf dieser Seite (%1) angefügt werden; der neue Bereich wird gemalt</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <source>Use its size</source>
        <translation>Seine Größe nehmen</translation>
    </message>
    <message>
        <source>Set the output size to the input&apos;s (with the extension), rounded to multiples of 16</source>
        <translation>Die Ausgabegröße auf die des Eingabebilds (mit Erweiterung) setzen, auf Vielfache von 16 gerundet</translation>
    </message>
    <message>
        <source>Input image</source>
        <translation>Eingabebild</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2</source>
        <translation>%1 kann nicht als Bild gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>Used as it is (%1).</source>
        <translation>Unverändert verwendet (%1).</translation>
    </message>
    <message>
        <source>%1 stretched to %2 (scaled by %3 × %4).</source>
        <translation>%1 auf %2 gestreckt (skaliert um %3 × %4).</translation>
    </message>
    <message>
        <source>%1 scaled by %2 to %3.</source>
        <translation>%1 um %2 auf %3 skaliert.</translation>
    </message>
    <message>
        <source>%1 scaled by %2 and cropped to %3 (%4 px cut).</source>
        <translation>%1 um %2 skaliert und auf %3 zugeschnitten (%4 px abgeschnitten).</translation>
    </message>
    <message>
        <source>No input image: text to image. Drop a picture on the window to work from it.</source>
        <translation>Kein Eingabebild: Text zu Bild. Ziehen Sie ein Bild auf das Fenster, um davon auszugehen.</translation>
    </message>
    <message>
        <source>Inpainting and outpainting: the mask and the new area are painted.</source>
        <translation>Inpainting und Outpainting: Maske und neuer Bereich werden gemalt.</translation>
    </message>
    <message>
        <source>Inpainting: the mask is repainted, the rest kept.</source>
        <translation>Inpainting: die Maske wird neu gemalt, der Rest bleibt.</translation>
    </message>
    <message>
        <source>Outpainting: the new area is painted, the picture kept.</source>
        <translation>Outpainting: der neue Bereich wird gemalt, das Bild bleibt.</translation>
    </message>
    <message>
        <source>Image to image: the whole picture is redrawn.</source>
        <translation>Bild zu Bild: das ganze Bild wird neu gezeichnet.</translation>
    </message>
    <message>
        <source>the mask could not be encoded</source>
        <translation>die Maske konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>the mask could not be written to %1: %2</source>
        <translation>die Maske konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::MaskCanvas</name>
    <message>
        <source>Drop an image here (or on the window), or choose one</source>
        <translation>Ziehen Sie ein Bild hierher (oder auf das Fenster) oder wählen Sie eines aus</translation>
    </message>
</context>
<context>
    <name>i4::ui::MainWindow</name>
    <message>
        <source>Input image</source>
        <translation>Eingabebild</translation>
    </message>
    <message>
        <source>Working from %1</source>
        <translation>Ausgehend von %1</translation>
    </message>
    <message>
        <source>The input image cannot be used: %1</source>
        <translation>Das Eingabebild kann nicht verwendet werden: %1</translation>
    </message>
</context>
</TS>
