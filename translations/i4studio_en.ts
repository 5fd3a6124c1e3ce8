<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the gallery folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy %1 into the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an i4studio session of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDiff</name>
    <message>
        <source>preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::Caption</name>
    <message>
        <source>Not a caption: no compositional_deconstruction found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a #RRGGBB colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::CaptionEditor</name>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or two sentences about the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aesthetics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What fills the image behind the elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact text to render</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a structured caption (%1). It will be sent as plain text, which Ideogram 4 follows poorly and blocks more often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid caption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on empty space to add a box; drag a box or its corners to move or resize it; Delete removes the selected one; right-click for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected element (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 1000 across the image, from its top-left corner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top must be less than Bottom, and Left less than Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder elements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::CompareView</name>
    <message>
        <source>Compare images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel to zoom and drag to pan: every image follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · strength %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::DeviceText</name>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (%3 free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of i4studio cannot use the GPU: its LibTorch (%1) was built without CUDA. For a build that can, run scripts/run --gpu in the source folder on a machine with an NVIDIA GPU (README, section “NVIDIA GPU”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable NVIDIA GPU was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i4studio cannot use the GPU: this build has CUDA (LibTorch %1), but %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything on the GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text encoder in CPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low VRAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fast (fp8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transformers&apos; block matmuls (attention and feed-forward) run in fp8 on the GPU&apos;s tensor cores, each token&apos;s activations scaled to fp8 on the fly: faster per step, but not the reference numerics, so a picture differs from the exact mode&apos;s for the same seed. Off: the exact mode, with the reference&apos;s numerics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality cost: not measured on a GPU yet. bench_fast_mode measures it against the exact mode on one request and seed (image PSNR, largest pixel difference, z_final relative error); see bench/README.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: this build cannot use a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: no usable NVIDIA GPU was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available on %1: the fast mode needs a GPU with fp8 tensor cores (compute capability 8.9 or newer: RTX 40xx, L4/L40, H100/H200 and later) and LibTorch 2.4 or newer (this build has %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::FirstRunDialog</name>
    <message>
        <source>Choose model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder looks good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can start right away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i4studio comes with a small &lt;b&gt;demo model&lt;/b&gt;: flat shapes in six colours, 128×128 pixels, a picture in about a second on any CPU. It is used while no other model folder is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The real Ideogram 4 is published by Ideogram on Hugging Face. Accept the licence on the model&apos;s page, then download one of the two precisions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp8: about 30 GB on disk, about 28 GB of GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nf4: about 16 GB on disk, about 16 GB of GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The real model needs an NVIDIA GPU with that much memory (README, section “NVIDIA GPU”: &lt;tt&gt;scripts/run --gpu&lt;/tt&gt;). Choose the downloaded folder below; i4studio checks it without loading the weights. More folders can be added later under &lt;b&gt;Settings&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryDelegate</name>
    <message numerus="yes">
        <source>%n variation(s)</source>
        <translation>
            <numerusform>%n variation</numerusform>
            <numerusform>%n variations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryModel</name>
    <message>
        <source>(no caption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryPanel</name>
    <message>
        <source>Search prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this image to the trash?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an image to see how it was made.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group variations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each image&apos;s variations right after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse this seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary subtly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary strongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same caption, new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show variations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-to-image from this picture at strength %1, new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two to four images (Ctrl+click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a thumbnail to see the image full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing “%1” and the %n image(s) made from it. &lt;a href=&quot;all&quot;&gt;Show all images&lt;/a&gt;</source>
        <translation>
            <numerusform>Showing “%1” and the %n image made from it. &lt;a href=&quot;all&quot;&gt;Show all images&lt;/a&gt;</numerusform>
            <numerusform>Showing “%1” and the %n images made from it. &lt;a href=&quot;all&quot;&gt;Show all images&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images yet. Generate one, or use File › Import images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No matches among %n image(s). &lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>
            <numerusform>No matches among %n image. &lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</numerusform>
            <numerusform>No matches among %n images. &lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n images</source>
        <translation>
            <numerusform>Delete %n image</numerusform>
            <numerusform>Delete %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n images…</source>
        <translation>
            <numerusform>Export %n image…</numerusform>
            <numerusform>Export %n images…</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image not in the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move these %n images to the trash?</source>
        <translation>
            <numerusform>Move this %n image to the trash?</numerusform>
            <numerusform>Move these %n images to the trash?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s) to a folder</source>
        <translation>
            <numerusform>Export %n image to a folder</numerusform>
            <numerusform>Export %n images to a folder</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1.</source>
        <translation>
            <numerusform>Exported %n image to %1.</numerusform>
            <numerusform>Exported %n images to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtle variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong variation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of “%2” (seed %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image this was made from is not in the gallery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two to four images to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationPanel</name>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the steps, guidance schedule, mu and std as a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved from i4studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preset file is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a built-in preset; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distilled model: it runs at guidance 1 without the unconditional pass, so this schedule does not apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the model&apos;s own settings: its preset, main guidance and native size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes at about the pixel count the model was trained at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing a seed locks it; Random draws a new one for every image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best quality · 48 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced · 20 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast draft · 12 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with the model&apos;s own main guidance, %2, at its native size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, at the model&apos;s native size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main guidance %1, the model&apos;s own; the preset gives the steps and the schedule&apos;s shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture and a much longer run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationWorker</name>
    <message>
        <source>No model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::GuidanceScheduleEditor</name>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main + polish tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> step(s)</source>
        <comment>after the polish tail&apos;s length</comment>
        <translation>
            <numerusform> step</numerusform>
            <numerusform> steps</numerusform>
        </translation>
    </message>
    <message>
        <source>This row makes the schedule in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In effect: %1 at every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>In effect: %1, then a polish tail of %n step(s) at %2</source>
        <translation>
            <numerusform>In effect: %1, then a polish tail of %n step at %2</numerusform>
            <numerusform>In effect: %1, then a polish tail of %n steps at %2</numerusform>
        </translation>
    </message>
    <message>
        <source>In effect: a linear ramp from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In effect: a custom schedule, from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the window (0); double-click the image for 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image before this one in the gallery (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image after this one in the gallery (Right)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::JobQueueModel</name>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::LoraPicker</name>
    <message>
        <source>both transformers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unconditional transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditional transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a safetensors file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no LoRA tensor of an Ideogram 4 transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LoRA: the model as published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA adapters (.safetensors) from diffusers, ComfyUI, ai-toolkit, OneTrainer, kohya or musubi-tuner. Changing them reloads the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 layout; %2 adapter(s) merged, %3 applied on the fly</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) not used, e.g. %1</source>
        <translation>
            <numerusform>%n key not used, e.g. %1</numerusform>
            <numerusform>%n keys not used, e.g. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>LoRA weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add LoRA files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA weights (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::MainWindow</name>
    <message>
        <source>i4studio %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose a caption, pick a preset and press Generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the image to the gallery: %1. It is still shown: File › Save image as… keeps it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the &amp;weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About i4studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About i4studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;i4studio %1&lt;/b&gt;&lt;p&gt;A desktop studio for the open-weight Ideogram 4 text-to-image model.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery folder and language changes apply after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo model (%1×%2) · real weights: File › Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model folder set (File › Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build cannot generate (no inference engine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings restored from the gallery; the seed is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model returned its grey “blocked” image. This happens most with plain-text or malformed captions: use the structured caption form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your presets could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gallery is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import images made by i4studio or i4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n image(s)</source>
        <translation>
            <numerusform>Imported %n image</numerusform>
            <numerusform>Imported %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>The model asks for the preset %1, which this version does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating… step %1 of %2, %3 s per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model: %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded in %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak GPU memory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · LoRA: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · distilled (guidance 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed %1 is locked: the next image uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open caption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captions (*.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save caption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captions (*.json);;Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit i4studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Quit anyway? (They are kept, and offered again at the next start.)</source>
        <translation>
            <numerusform>%n image is still queued or being made. Quit anyway? (It is kept, and offered again at the next start.)</numerusform>
            <numerusform>%n images are still queued or being made. Quit anyway? (They are kept, and offered again at the next start.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch models</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Switching models cancels them. Switch anyway?</source>
        <translation>
            <numerusform>%n image is still queued or being made. Switching models cancels it. Switch anyway?</numerusform>
            <numerusform>%n images are still queued or being made. Switching models cancels them. Switch anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The magic prompt is still writing the caption.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::ModelFolderCheck</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a usable Ideogram 4 model folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::PaletteEditor</name>
    <message>
        <source>Add a colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — click to change, right-click to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::PreviewView</name>
    <message>
        <source>The image appears here while it is generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 — about %3 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — not a finished image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::QueuePanel</name>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a folder to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bfloat16 (less memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float32 (exact, slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow image sizes outside the published limits (test models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The released model supports 256 to 2048 pixels per side and at most 6:1. Small test models (such as the tiny golden folders) also run at sizes like 64×64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An NVIDIA GPU when this build can use one, otherwise the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first NVIDIA GPU. Loading fails with a message when it cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works on every machine; fine for the demo model, very slow for the real one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for an NVIDIA GPU…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session uses --device %1 from the command line; a device chosen here replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the model loads, the first of the modes below whose estimate fits the GPU&apos;s free memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on the GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every component on the GPU in the compute precision: the fastest mode, and the one that needs the most GPU memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoder in CPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text encoder stays in CPU memory and streams to the GPU layer by layer while a caption is encoded; a new seed for the same caption needs no encoding. The transformers and the VAE stay on the GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low VRAM (fp8/nf4 weights stay compressed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As above, and the transformers keep their fp8 or nf4 weights compressed on the GPU, expanding one layer at a time as it runs: for consumer cards, a little slower per step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bfloat16 on a GPU, float32 on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference precision the tests check against; twice the memory of bfloat16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half the memory of float32 and faster on a GPU; pictures differ from float32 in fine detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · LibTorch %2 with CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast mode (fp8 matmuls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on the GPU only: on the CPU the model loads in the exact mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs bfloat16: with float32 chosen above, the model loads in the exact mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (NVIDIA GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::TokenCountLabel</name>
    <message>
        <source>– / %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token count needs a loaded model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens; shorten the caption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in the prompt as the model reads it (after chat framing).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The seed of the first image (locked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop studio for the Ideogram 4 model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the caption (JSON) in FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit (with --generate: when --screenshot-step is reached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --generate: once the image is in the gallery, show it there, save a picture of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the model folder DIR (added to the settings and made the active one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size, e.g. 256x256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of images to generate (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the images from the caption at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --generate: the step at which --screenshot is taken (default 2; 0: the finished image).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model on DEVICE this session: auto (an NVIDIA GPU when this build can use one), cuda or cpu. Overrides the setting without changing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the settings, save a picture of them to FILE once the GPU check has answered, and quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::SessionKeeper</name>
    <message>
        <source>%1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) were still queued when i4studio closed. Queue them again?</source>
        <translation>
            <numerusform>%n image was still queued when i4studio closed. Queue it again?</numerusform>
            <numerusform>%n images were still queued when i4studio closed. Queue them again?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::DemoModelHints</name>
    <message>
        <source>Demo model: 1–3 shapes, 6 colours; keep boxes off the edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo model: 1–3 shapes (circle, square, triangle, star, ring) in 6 colours (red, green, blue, yellow, orange, purple) on a plain background. Keep boxes away from the edges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo ignores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo model was not trained on this field; it is sent, but does not change its pictures.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::LayoutCanvas</name>
    <message>
        <source>Delete element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add object here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add text here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::ScheduleBars</name>
    <message>
        <source>Drag up or down to set steps; click a step to type its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicPromptBar</name>
    <message>
        <source>No magic prompt back end is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plain idea, e.g. a green star above a red ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a detailed structured caption from the idea (the back end is chosen in Settings › Magic prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Magic prompt failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Magic prompt cancelled; the caption is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an idea first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the caption (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption written in %1 s (%2). Edit it as you like.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettings</name>
    <message>
        <source>No endpoint model is set. Enter the URL and model of an OpenAI-compatible chat server in Settings › Magic prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local magic prompt runs the active model&apos;s language model: choose a model folder in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettingsBox</name>
    <message>
        <source>Magic prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint (OpenAI-compatible chat API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local (the model&apos;s own language model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API&apos;s base address: Ollama http://localhost:11434/v1, llama.cpp server http://localhost:8080/v1, LM Studio http://localhost:1234/v1, or a cloud service&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. qwen3:8b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream the caption as it is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the server may stay silent before the request is given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored key is removed on OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (local servers need none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain answered, so the API key is kept in %1, which only you can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key is kept in the system keychain (or, where there is none, in a file only you can read), never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beside the text encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LM head (lm_head.weight) when it is not beside the text encoder: a .safetensors file, or a folder such as a Qwen/Qwen3-VL-8B-Instruct download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with the LM head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LM head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local back end runs on this machine with the active model folder: the demo model&apos;s own small language model, or the text encoder with an LM head (lm_head.weight, 622M parameters, from Qwen/Qwen3-VL-8B-Instruct) found beside it or where LM head says. It loads on the first magic prompt and stays loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
