<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the gallery folder %1</source>
        <translation>ギャラリーフォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>%1 を削除できません</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation>%1（シード %2）</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the gallery</source>
        <translation>%1 をギャラリーにコピーできません</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>有効な JSON ではありません</translation>
    </message>
    <message>
        <source>not an i4studio session of this version</source>
        <translation>このバージョンの i4studio セッションではありません</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 を書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>SettingsDiff</name>
    <message>
        <source>preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
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
        <translation>モデル</translation>
    </message>
    <message>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Input image</source>
        <translation>入力画像</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>強さ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>画像 %1</translation>
    </message>
</context>
<context>
    <name>i4::ui::Caption</name>
    <message>
        <source>Not a caption: no compositional_deconstruction found</source>
        <translation>キャプションではありません: compositional_deconstruction がありません</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a #RRGGBB colour</source>
        <translation>%1: 「%2」は #RRGGBB 形式の色ではありません</translation>
    </message>
    <message>
        <source>%1: more than %2 colours</source>
        <translation>%1: 色が %2 個を超えています</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; dropped</source>
        <translation>%1: 不明なキー「%2」を削除しました</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2</source>
        <translation>JSON が不正です（%1 行 %2 列）</translation>
    </message>
</context>
<context>
    <name>i4::ui::CaptionEditor</name>
    <message>
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>One or two sentences about the whole image</source>
        <translation>画像全体を一、二文で説明してください</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>スタイル</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Art style</source>
        <translation>アートスタイル</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>写真の詳細</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Aesthetics</source>
        <translation>美的表現</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>ライティング</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>メディウム</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>パレット</translation>
    </message>
    <message>
        <source>What fills the image behind the elements</source>
        <translation>要素の背後に広がるもの</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>オブジェクトを追加</translation>
    </message>
    <message>
        <source>Add text</source>
        <translation>テキストを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>The exact text to render</source>
        <translation>描画する正確なテキスト</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>枠</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>テキスト: %1</translation>
    </message>
    <message>
        <source>Object: %1</source>
        <translation>オブジェクト: %1</translation>
    </message>
    <message>
        <source>Not a structured caption (%1). It will be sent as plain text, which Ideogram 4 follows poorly and blocks more often.</source>
        <translation>構造化キャプションではありません (%1)。プレーンテキストとして送信されますが、Ideogram 4 はこれにうまく従わず、ブロックされやすくなります。</translation>
    </message>
    <message>
        <source>Valid caption.</source>
        <translation>有効なキャプションです。</translation>
    </message>
    <message>
        <source>Schema warnings:</source>
        <translation>スキーマの警告:</translation>
    </message>
    <message>
        <source>Drag on empty space to add a box; drag a box or its corners to move or resize it; Delete removes the selected one; right-click for more.</source>
        <translation>空いている所をドラッグするとボックスを追加、ボックスや角をドラッグすると移動・サイズ変更、Delete で選択中のボックスを削除、右クリックでその他の操作。</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>ボックスを移動</translation>
    </message>
    <message>
        <source>Delete the selected element (Delete)</source>
        <translation>選択中の要素を削除（Delete）</translation>
    </message>
    <message>
        <source>Placed on the canvas</source>
        <translation>キャンバスに配置</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>0 to 1000 across the image, from its top-left corner</source>
        <translation>画像の左上隅から 0〜1000 の座標</translation>
    </message>
    <message>
        <source>Top must be less than Bottom, and Left less than Right.</source>
        <translation>「上」は「下」より、「左」は「右」より小さくしてください。</translation>
    </message>
    <message>
        <source>Replace caption</source>
        <translation>キャプションを置き換え</translation>
    </message>
    <message>
        <source>Edit JSON</source>
        <translation>JSON を編集</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>キャプションを編集</translation>
    </message>
    <message>
        <source>Delete element</source>
        <translation>要素を削除</translation>
    </message>
    <message>
        <source>Reorder elements</source>
        <translation>要素を並べ替え</translation>
    </message>
</context>
<context>
    <name>i4::ui::CompareView</name>
    <message>
        <source>Compare images</source>
        <translation>画像を比較</translation>
    </message>
    <message>
        <source>Only what differs</source>
        <translation>違いのみ</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Wheel to zoom and drag to pan: every image follows.</source>
        <translation>ホイールで拡大縮小、ドラッグで移動：すべての画像が連動します。</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · シード %2</translation>
    </message>
    <message>
        <source>%1 · strength %2</source>
        <translation>%1 · 強さ %2</translation>
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
        <translation>%1、%2（空き %3）</translation>
    </message>
    <message>
        <source>This build of i4studio cannot use the GPU: its LibTorch (%1) was built without CUDA. For a build that can, run scripts/run --gpu in the source folder on a machine with an NVIDIA GPU (README, section “NVIDIA GPU”).</source>
        <translation>このビルドの i4studio は GPU を使えません。LibTorch（%1）が CUDA なしでビルドされています。GPU を使えるビルドは、NVIDIA GPU のあるマシンでソースフォルダーの scripts/run --gpu を実行すると作れます（README の「NVIDIA GPU」の節）。</translation>
    </message>
    <message>
        <source>no usable NVIDIA GPU was found</source>
        <translation>使える NVIDIA GPU が見つかりませんでした</translation>
    </message>
    <message>
        <source>i4studio cannot use the GPU: this build has CUDA (LibTorch %1), but %2</source>
        <translation>i4studio は GPU を使えません。このビルドには CUDA があります（LibTorch %1）が、%2</translation>
    </message>
    <message>
        <source>NVIDIA GPU</source>
        <translation>NVIDIA GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>everything on the GPU</source>
        <translation>すべて GPU 上</translation>
    </message>
    <message>
        <source>text encoder in CPU memory</source>
        <translation>テキストエンコーダーは CPU メモリ</translation>
    </message>
    <message>
        <source>low VRAM</source>
        <translation>省 VRAM</translation>
    </message>
    <message>
        <source>fast (fp8)</source>
        <translation>高速（fp8）</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>厳密</translation>
    </message>
    <message>
        <source>The transformers&apos; block matmuls (attention and feed-forward) run in fp8 on the GPU&apos;s tensor cores, each token&apos;s activations scaled to fp8 on the fly: faster per step, but not the reference numerics, so a picture differs from the exact mode&apos;s for the same seed. Off: the exact mode, with the reference&apos;s numerics.</source>
        <translation>トランスフォーマーのブロック内の行列積（アテンションとフィードフォワード）を GPU のテンソルコア上で fp8 で計算し、各トークンの活性値はその場で fp8 にスケーリングします。1 ステップあたりは速くなりますが、リファレンスの数値計算とは異なるため、同じシードでも厳密モードとは異なる画像になります。オフ：リファレンスと同じ数値計算の厳密モード。</translation>
    </message>
    <message>
        <source>Quality cost: not measured on a GPU yet. bench_fast_mode measures it against the exact mode on one request and seed (image PSNR, largest pixel difference, z_final relative error); see bench/README.md.</source>
        <translation>画質への影響：GPU ではまだ測定していません。bench_fast_mode が 1 つのリクエストとシードで厳密モードと比較して測定します（画像の PSNR、最大画素差、z_final の相対誤差）。bench/README.md を参照してください。</translation>
    </message>
    <message>
        <source>Not available: this build cannot use a GPU.</source>
        <translation>利用できません：このビルドは GPU を使えません。</translation>
    </message>
    <message>
        <source>Not available: no usable NVIDIA GPU was found.</source>
        <translation>利用できません：使用できる NVIDIA GPU が見つかりません。</translation>
    </message>
    <message>
        <source>Not available on %1: the fast mode needs a GPU with fp8 tensor cores (compute capability 8.9 or newer: RTX 40xx, L4/L40, H100/H200 and later) and LibTorch 2.4 or newer (this build has %2).</source>
        <translation>%1 では利用できません：高速モードには fp8 テンソルコアを持つ GPU（Compute Capability 8.9 以上：RTX 40xx、L4/L40、H100/H200 以降）と LibTorch 2.4 以上が必要です（このビルドは %2）。</translation>
    </message>
</context>
<context>
    <name>i4::ui::FirstRunDialog</name>
    <message>
        <source>Choose model folder…</source>
        <translation>モデルフォルダーを選択…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation>Ideogram 4 のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>Model folder looks good.</source>
        <translation>モデルフォルダーは問題ありません。</translation>
    </message>
    <message>
        <source>Getting the weights</source>
        <translation>重みの入手</translation>
    </message>
    <message>
        <source>You can start right away</source>
        <translation>すぐに始められます</translation>
    </message>
    <message>
        <source>i4studio comes with a small &lt;b&gt;demo model&lt;/b&gt;: flat shapes in six colours, 128×128 pixels, a picture in about a second on any CPU. It is used while no other model folder is chosen.</source>
        <translation>i4studio には小さな&lt;b&gt;デモモデル&lt;/b&gt;が付属しています：6 色の平らな図形、128×128 ピクセル、どの CPU でも約 1 秒で 1 枚。ほかのモデルフォルダーを選ぶまではこれが使われます。</translation>
    </message>
    <message>
        <source>The real Ideogram 4 is published by Ideogram on Hugging Face. Accept the licence on the model&apos;s page, then download one of the two precisions:</source>
        <translation>本物の Ideogram 4 は Ideogram が Hugging Face で公開しています。モデルのページでライセンスに同意してから、2 つの精度のどちらかをダウンロードしてください：</translation>
    </message>
    <message>
        <source>fp8: about 30 GB on disk, about 28 GB of GPU memory</source>
        <translation>fp8：ディスク約 30 GB、GPU メモリ約 28 GB</translation>
    </message>
    <message>
        <source>nf4: about 16 GB on disk, about 16 GB of GPU memory</source>
        <translation>nf4：ディスク約 16 GB、GPU メモリ約 16 GB</translation>
    </message>
    <message>
        <source>The real model needs an NVIDIA GPU with that much memory (README, section “NVIDIA GPU”: &lt;tt&gt;scripts/run --gpu&lt;/tt&gt;). Choose the downloaded folder below; i4studio checks it without loading the weights. More folders can be added later under &lt;b&gt;Settings&lt;/b&gt;.</source>
        <translation>本物のモデルにはそれだけのメモリを持つ NVIDIA GPU が必要です（README の「NVIDIA GPU」の節：&lt;tt&gt;scripts/run --gpu&lt;/tt&gt;）。ダウンロードしたフォルダーを下で選んでください。i4studio は重みを読み込まずに確認します。フォルダーはあとから&lt;b&gt;設定&lt;/b&gt;で追加できます。</translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryDelegate</name>
    <message numerus="yes">
        <source>%n variation(s)</source>
        <translation>
            <numerusform>バリエーション %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryModel</name>
    <message>
        <source>(no caption)</source>
        <translation>（キャプションなし）</translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · シード %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::GalleryPanel</name>
    <message>
        <source>Search prompts</source>
        <translation>プロンプトを検索</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>すべての日付</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>お気に入り</translation>
    </message>
    <message>
        <source>Remix</source>
        <translation>リミックス</translation>
    </message>
    <message>
        <source>Copy caption</source>
        <translation>キャプションをコピー</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>お気に入り</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>フォルダーで表示</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>画像を書き出す</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 を書き込めませんでした。</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>画像を削除</translation>
    </message>
    <message>
        <source>Move this image to the trash?</source>
        <translation>この画像をゴミ箱に移動しますか?</translation>
    </message>
    <message>
        <source>Any preset</source>
        <translation>すべてのプリセット</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>すべてのサイズ</translation>
    </message>
    <message>
        <source>Any model</source>
        <translation>すべてのモデル</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an image to see how it was made.&lt;/p&gt;</source>
        <translation>&lt;p&gt;画像を選択すると、その生成方法が表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>ガイダンス</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>キャプション</translation>
    </message>
    <message>
        <source>Group variations</source>
        <translation>バリエーションをまとめる</translation>
    </message>
    <message>
        <source>Show each image&apos;s variations right after it</source>
        <translation>各画像のバリエーションをその直後に表示</translation>
    </message>
    <message>
        <source>Open full size</source>
        <translation>原寸で開く</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>Reuse this seed</source>
        <translation>このシードを再利用</translation>
    </message>
    <message>
        <source>Use as input</source>
        <translation>入力として使う</translation>
    </message>
    <message>
        <source>Vary subtly</source>
        <translation>少し変化させる</translation>
    </message>
    <message>
        <source>Vary strongly</source>
        <translation>大きく変化させる</translation>
    </message>
    <message>
        <source>Same caption, new seed</source>
        <translation>同じキャプション、新しいシード</translation>
    </message>
    <message>
        <source>Show source</source>
        <translation>元画像を表示</translation>
    </message>
    <message>
        <source>Show variations</source>
        <translation>バリエーションを表示</translation>
    </message>
    <message>
        <source>Compare side by side</source>
        <translation>並べて比較</translation>
    </message>
    <message>
        <source>Image-to-image from this picture at strength %1, new seed</source>
        <translation>この画像から強さ %1 で画像から画像へ、新しいシード</translation>
    </message>
    <message>
        <source>Select two to four images (Ctrl+click)</source>
        <translation>2～4 枚の画像を選択（Ctrl+クリック）</translation>
    </message>
    <message>
        <source>Double-click a thumbnail to see the image full size</source>
        <translation>サムネイルをダブルクリックすると原寸で表示</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>変化</translation>
    </message>
    <message numerus="yes">
        <source>Showing “%1” and the %n image(s) made from it. &lt;a href=&quot;all&quot;&gt;Show all images&lt;/a&gt;</source>
        <translation>
            <numerusform>「%1」とそこから作られた %n 枚の画像を表示中。&lt;a href=&quot;all&quot;&gt;すべての画像を表示&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>an image</source>
        <translation>ある画像</translation>
    </message>
    <message>
        <source>No images yet. Generate one, or use File › Import images.</source>
        <translation>まだ画像がありません。生成するか、ファイル › 画像を取り込む を使ってください。</translation>
    </message>
    <message numerus="yes">
        <source>No matches among %n image(s). &lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>
            <numerusform>%n 枚の画像に一致するものはありません。&lt;a href=&quot;clear&quot;&gt;フィルターを解除&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n images</source>
        <translation>
            <numerusform>%n 枚の画像を削除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export %n images…</source>
        <translation>
            <numerusform>%n 枚の画像を書き出す…</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>強さ</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>元画像</translation>
    </message>
    <message>
        <source>an image not in the gallery</source>
        <translation>ギャラリーにない画像</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>バリエーション</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 を読み込めません</translation>
    </message>
    <message>
        <source>Image copied to the clipboard</source>
        <translation>画像をクリップボードにコピーしました</translation>
    </message>
    <message numerus="yes">
        <source>Move these %n images to the trash?</source>
        <translation>
            <numerusform>これら %n 枚の画像をごみ箱に移動しますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation>画像を削除</translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s) to a folder</source>
        <translation>
            <numerusform>%n 枚の画像をフォルダーに書き出す</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>画像を書き出す</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1.</source>
        <translation>
            <numerusform>%n 枚の画像を %1 に書き出しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>何も書き出されませんでした。</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>フォルダーを表示</translation>
    </message>
    <message>
        <source>Subtle variation</source>
        <translation>小さな変化</translation>
    </message>
    <message>
        <source>Strong variation</source>
        <translation>大きな変化</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>新しいシード</translation>
    </message>
    <message>
        <source>%1 of “%2” (seed %3)</source>
        <translation>「%2」の%1（シード %3）</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 をキューに追加しました</translation>
    </message>
    <message>
        <source>The image this was made from is not in the gallery.</source>
        <translation>この画像の元画像はギャラリーにありません。</translation>
    </message>
    <message>
        <source>Select two to four images to compare.</source>
        <translation>比較する画像を 2～4 枚選択してください。</translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation>%1（シード %2）</translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationPanel</name>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>アスペクト比</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>+1 per image</source>
        <translation>画像ごとに +1</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>枚数</translation>
    </message>
    <message>
        <source>Guidance schedule</source>
        <translation>ガイダンススケジュール</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>%1 MP</source>
        <translation>%1 MP</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the steps, guidance schedule, mu and std as a preset</source>
        <translation>ステップ数、ガイダンススケジュール、mu、std をプリセットとして保存します</translation>
    </message>
    <message>
        <source>Saved from i4studio</source>
        <translation>i4studio から保存</translation>
    </message>
    <message>
        <source>The preset needs a name.</source>
        <translation>プリセットには名前が必要です。</translation>
    </message>
    <message>
        <source>No preset file is set.</source>
        <translation>プリセットファイルが設定されていません。</translation>
    </message>
    <message>
        <source>%1 is a built-in preset; choose another name.</source>
        <translation>%1 は組み込みのプリセットです。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>プリセットとして保存</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>プリセット名：</translation>
    </message>
    <message>
        <source>Distilled model: it runs at guidance 1 without the unconditional pass, so this schedule does not apply.</source>
        <translation>蒸留モデル：無条件パスなしのガイダンス 1 で動作するため、このスケジュールは適用されません。</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the model&apos;s own settings: its preset, main guidance and native size</source>
        <translation>モデル自身の設定に戻す：プリセット、メインガイダンス、ネイティブサイズ</translation>
    </message>
    <message>
        <source>Shapes at about the pixel count the model was trained at</source>
        <translation>モデルの学習時とほぼ同じピクセル数での縦横比</translation>
    </message>
    <message>
        <source>Typing a seed locks it; Random draws a new one for every image</source>
        <translation>シードを入力すると固定されます。「ランダム」は画像ごとに新しいシードを選びます</translation>
    </message>
    <message>
        <source>Best quality · 48 steps</source>
        <translation>最高品質 · 48 ステップ</translation>
    </message>
    <message>
        <source>Balanced · 20 steps</source>
        <translation>バランス · 20 ステップ</translation>
    </message>
    <message>
        <source>Fast draft · 12 steps</source>
        <translation>高速ドラフト · 12 ステップ</translation>
    </message>
    <message>
        <source>Model default (%1)</source>
        <translation>モデルの既定値（%1）</translation>
    </message>
    <message>
        <source>%1 with the model&apos;s own main guidance, %2, at its native size</source>
        <translation>%1、モデル自身のメインガイダンス %2、ネイティブサイズ</translation>
    </message>
    <message>
        <source>%1, at the model&apos;s native size</source>
        <translation>%1、モデルのネイティブサイズ</translation>
    </message>
    <message>
        <source>Main guidance %1, the model&apos;s own; the preset gives the steps and the schedule&apos;s shape</source>
        <translation>メインガイダンスはモデル自身の %1。ステップ数とスケジュールの形はプリセットから</translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture and a much longer run.</source>
        <translation>このモデルは %1×%2 で学習されました。このサイズはその %3 倍のピクセル数なので、画質が落ち、生成にずっと長くかかります。</translation>
    </message>
    <message>
        <source>The model was trained at %1×%2: this size has %3× its pixels, so expect a poor picture.</source>
        <translation>このモデルは %1×%2 で学習されました。このサイズはその %3 倍のピクセル数なので、画質が落ちます。</translation>
    </message>
</context>
<context>
    <name>i4::ui::GenerationWorker</name>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
</context>
<context>
    <name>i4::ui::GuidanceScheduleEditor</name>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Set all</source>
        <translation>すべてに設定</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>Main + polish tail</source>
        <translation>メイン + 仕上げ</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Tail</source>
        <translation>仕上げ</translation>
    </message>
    <message>
        <source>Linear ramp</source>
        <translation>線形ランプ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message numerus="yes">
        <source> step(s)</source>
        <comment>after the polish tail&apos;s length</comment>
        <translation>
            <numerusform> ステップ</numerusform>
        </translation>
    </message>
    <message>
        <source>This row makes the schedule in effect</source>
        <translation>この行の値が現在のスケジュールになります</translation>
    </message>
    <message>
        <source>In effect: %1 at every step</source>
        <translation>現在：全ステップで %1</translation>
    </message>
    <message numerus="yes">
        <source>In effect: %1, then a polish tail of %n step(s) at %2</source>
        <translation>
            <numerusform>現在：%1、最後の %n ステップは仕上げで %2</numerusform>
        </translation>
    </message>
    <message>
        <source>In effect: a linear ramp from %1 to %2</source>
        <translation>現在：%1 から %2 への直線</translation>
    </message>
    <message>
        <source>In effect: a custom schedule, from %1 to %2</source>
        <translation>現在：カスタム（%1 から %2）</translation>
    </message>
</context>
<context>
    <name>i4::ui::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Fit the window (0); double-click the image for 100 %</source>
        <translation>ウィンドウに合わせる (0)。画像をダブルクリックで 100 %</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (1)</source>
        <translation>画像の 1 ピクセルを画面の 1 ピクセルに (1)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 ピクセル</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>The image before this one in the gallery (Left)</source>
        <translation>ギャラリーで一つ前の画像（←）</translation>
    </message>
    <message>
        <source>The image after this one in the gallery (Right)</source>
        <translation>ギャラリーで一つ後の画像（→）</translation>
    </message>
</context>
<context>
    <name>i4::ui::JobQueueModel</name>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation>%1 — ステップ %2 / %3</translation>
    </message>
    <message>
        <source>%1 — starting</source>
        <translation>%1 — 開始中</translation>
    </message>
    <message>
        <source>%1 — waiting</source>
        <translation>%1 — 待機中</translation>
    </message>
</context>
<context>
    <name>i4::ui::LoraPicker</name>
    <message>
        <source>As the file says</source>
        <translation>ファイルの指定どおり</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>条件付き</translation>
    </message>
    <message>
        <source>Unconditional</source>
        <translation>条件なし</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>両方</translation>
    </message>
    <message>
        <source>Which transformer this LoRA goes on. Trainers write LoRAs for the conditional one; &quot;As the file says&quot; follows its keys.</source>
        <translation>この LoRA を適用するトランスフォーマー。学習ツールは条件付き用に LoRA を書き出します。「ファイルの指定どおり」はキーに従います。</translation>
    </message>
    <message>
        <source>both transformers</source>
        <translation>両方のトランスフォーマー</translation>
    </message>
    <message>
        <source>unconditional transformer</source>
        <translation>無条件トランスフォーマー</translation>
    </message>
    <message>
        <source>conditional transformer</source>
        <translation>条件付きトランスフォーマー</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>not a safetensors file: %1</source>
        <translation>safetensors ファイルではありません：%1</translation>
    </message>
    <message>
        <source>no LoRA tensor of an Ideogram 4 transformer</source>
        <translation>Ideogram 4 トランスフォーマーの LoRA テンソルがありません</translation>
    </message>
    <message>
        <source>No LoRA: the model as published.</source>
        <translation>LoRA なし：公開されたままのモデルです。</translation>
    </message>
    <message>
        <source>Add LoRA…</source>
        <translation>LoRA を追加…</translation>
    </message>
    <message>
        <source>LoRA adapters (.safetensors) from diffusers, ComfyUI, ai-toolkit, OneTrainer, kohya or musubi-tuner. Changing them reloads the model.</source>
        <translation>diffusers、ComfyUI、ai-toolkit、OneTrainer、kohya、musubi-tuner の LoRA アダプター（.safetensors）。変更するとモデルを再読み込みします。</translation>
    </message>
    <message>
        <source>%1 layout; %2 adapter(s) merged, %3 applied on the fly</source>
        <translation>%1 形式；%2 個のアダプターを統合、%3 個を実行時に適用</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) not used, e.g. %1</source>
        <translation>
            <numerusform>%n 個のキーは未使用（例：%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>LoRA weight</source>
        <translation>LoRA の重み</translation>
    </message>
    <message>
        <source>Remove this LoRA</source>
        <translation>この LoRA を削除</translation>
    </message>
    <message>
        <source>Add LoRA files</source>
        <translation>LoRA ファイルを追加</translation>
    </message>
    <message>
        <source>LoRA weights (*.safetensors)</source>
        <translation>LoRA の重み (*.safetensors)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>追加されませんでした</translation>
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
        <translation>ギャラリーを利用できません: %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>キュー</translation>
    </message>
    <message>
        <source>Model ready</source>
        <translation>モデル準備完了</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>モデル未読み込み</translation>
    </message>
    <message>
        <source>Compose a caption, pick a preset and press Generate.</source>
        <translation>キャプションを作成し、プリセットを選んで「生成」を押してください。</translation>
    </message>
    <message>
        <source>Could not save the image to the gallery: %1. It is still shown: File › Save image as… keeps it elsewhere.</source>
        <translation>画像をギャラリーに保存できませんでした: %1。画像は表示されたままです。ファイル › 画像に名前を付けて保存… で別の場所に保存できます。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成に失敗しました: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation>モデルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reload model</source>
        <translation>モデルを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation>ギャラリー(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Getting the &amp;weights…</source>
        <translation>重みの入手方法(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;About i4studio</source>
        <translation>i4studio について(&amp;A)</translation>
    </message>
    <message>
        <source>About i4studio</source>
        <translation>i4studio について</translation>
    </message>
    <message>
        <source>&lt;b&gt;i4studio %1&lt;/b&gt;&lt;p&gt;A desktop studio for the open-weight Ideogram 4 text-to-image model.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;i4studio %1&lt;/b&gt;&lt;p&gt;オープンウェイトのテキストから画像への生成モデル Ideogram 4 のためのデスクトップスタジオです。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Gallery folder and language changes apply after a restart.</source>
        <translation>ギャラリーフォルダーと言語の変更は再起動後に反映されます。</translation>
    </message>
    <message>
        <source>Demo model (%1×%2) · real weights: File › Settings</source>
        <translation>デモモデル（%1×%2）· 本物の重み: ファイル › 設定</translation>
    </message>
    <message>
        <source>No model folder set (File › Settings)</source>
        <translation>モデルフォルダーが未設定です（ファイル › 設定）</translation>
    </message>
    <message>
        <source>This build cannot generate (no inference engine)</source>
        <translation>このビルドでは生成できません（推論エンジンなし）</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>Settings restored from the gallery; the seed is locked.</source>
        <translation>ギャラリーから設定を復元しました。シードは固定されています。</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>まずプロンプトを入力してください。</translation>
    </message>
    <message>
        <source>The model returned its grey “blocked” image. This happens most with plain-text or malformed captions: use the structured caption form.</source>
        <translation>モデルが灰色の「ブロック」画像を返しました。プレーンテキストや不正なキャプションで起こりやすいので、構造化キャプションのフォームを使ってください。</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>%1 秒で完了</translation>
    </message>
    <message>
        <source>Your presets could not be read: %1</source>
        <translation>プリセットを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Save as &amp;preset…</source>
        <translation>プリセットとして保存(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import images…</source>
        <translation>画像をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>The gallery is not available.</source>
        <translation>ギャラリーを利用できません。</translation>
    </message>
    <message>
        <source>Import images made by i4studio or i4</source>
        <translation>i4studio または i4 で作成した画像をインポート</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n image(s)</source>
        <translation>
            <numerusform>%n 枚の画像をインポートしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n 個のファイルをスキップしました</numerusform>
        </translation>
    </message>
    <message>
        <source>The model asks for the preset %1, which this version does not have</source>
        <translation>モデルはプリセット %1 を指定していますが、このバージョンにはありません</translation>
    </message>
    <message>
        <source>Generating… step %1 of %2, %3 s per step</source>
        <translation>生成中… ステップ %1/%2、1 ステップ %3 秒</translation>
    </message>
    <message>
        <source>Loading model: %1 (%2 of %3)…</source>
        <translation>モデルを読み込み中: %1（%2/%3）…</translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3 of %4</source>
        <translation>%1 · %2 · GPU メモリ %3 / %4</translation>
    </message>
    <message>
        <source>%1 · %2 · GPU memory %3</source>
        <translation>%1 · %2 · GPU メモリ %3</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 秒</translation>
    </message>
    <message>
        <source>Loaded in %1 s: %2</source>
        <translation>読み込み %1 秒: %2</translation>
    </message>
    <message>
        <source>%1 s per step</source>
        <translation>1 ステップ %1 秒</translation>
    </message>
    <message>
        <source>peak GPU memory %1</source>
        <translation>GPU メモリのピーク %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · LoRA: %2</source>
        <translation>%1 · LoRA：%2</translation>
    </message>
    <message>
        <source>%1 · distilled (guidance 1)</source>
        <translation>%1 · 蒸留（ガイダンス 1）</translation>
    </message>
    <message>
        <source>Seed %1 is locked: the next image uses it.</source>
        <translation>シード %1 を固定しました。次の画像で使われます。</translation>
    </message>
    <message>
        <source>&amp;Open caption…</source>
        <translation>キャプションを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open caption</source>
        <translation>キャプションを開く</translation>
    </message>
    <message>
        <source>Captions (*.json *.txt);;All files (*)</source>
        <translation>キャプション (*.json *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Save caption…</source>
        <translation>キャプションを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save caption</source>
        <translation>キャプションを保存</translation>
    </message>
    <message>
        <source>Captions (*.json);;Text (*.txt)</source>
        <translation>キャプション (*.json);;テキスト (*.txt)</translation>
    </message>
    <message>
        <source>Save &amp;image as…</source>
        <translation>画像に名前を付けて保存(&amp;I)…</translation>
    </message>
    <message>
        <source>No picture to save yet.</source>
        <translation>保存できる画像はまだありません。</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>画像に名前を付けて保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>%1 is too large for a caption</source>
        <translation>%1 はキャプションとしては大きすぎます</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 は UTF-8 テキストではありません</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Caption saved to %1</source>
        <translation>キャプションを %1 に保存しました</translation>
    </message>
    <message>
        <source>Image saved to %1</source>
        <translation>画像を %1 に保存しました</translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation>前回のセッションを復元できませんでした: %1</translation>
    </message>
    <message>
        <source>Quit i4studio</source>
        <translation>i4studio を終了</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Quit anyway? (They are kept, and offered again at the next start.)</source>
        <translation>
            <numerusform>%n 枚の画像がまだ待機中または生成中です。終了しますか？（保持され、次回起動時に再開を提案します。）</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch models</source>
        <translation>モデルを切り替え</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are still queued or being made. Switching models cancels them. Switch anyway?</source>
        <translation>
            <numerusform>%n 枚の画像がまだ待機中または生成中です。モデルを切り替えると取り消されます。切り替えますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>元に戻す：%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>やり直す：%1(&amp;R)</translation>
    </message>
    <message>
        <source>The magic prompt is still writing the caption.</source>
        <translation>マジックプロンプトがまだキャプションを作成中です。</translation>
    </message>
</context>
<context>
    <name>i4::ui::ModelFolderCheck</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 は存在しません。</translation>
    </message>
    <message>
        <source>This is not a usable Ideogram 4 model folder: %1</source>
        <translation>使用可能な Ideogram 4 のモデルフォルダーではありません: %1</translation>
    </message>
</context>
<context>
    <name>i4::ui::PaletteEditor</name>
    <message>
        <source>Add a colour</source>
        <translation>色を追加</translation>
    </message>
    <message>
        <source>%1 — click to change, right-click to remove</source>
        <translation>%1 — クリックで変更、右クリックで削除</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>色を選択</translation>
    </message>
</context>
<context>
    <name>i4::ui::PreviewView</name>
    <message>
        <source>The image appears here while it is generated.</source>
        <translation>生成中の画像がここに表示されます。</translation>
    </message>
    <message>
        <source>Step %1 of %2 — about %3 s left</source>
        <translation>ステップ %1 / %2 — 残り約 %3 秒</translation>
    </message>
    <message>
        <source>Cancelled — not a finished image</source>
        <translation>キャンセル — 完成した画像ではありません</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>画像をコピー</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
</context>
<context>
    <name>i4::ui::QueuePanel</name>
    <message>
        <source>Move up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>すべてキャンセル</translation>
    </message>
</context>
<context>
    <name>i4::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Model folders</source>
        <translation>モデルフォルダー</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Select a folder to check it.</source>
        <translation>確認するフォルダーを選択してください。</translation>
    </message>
    <message>
        <source>Choose an Ideogram 4 model folder</source>
        <translation>Ideogram 4 のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU (CUDA)</translation>
    </message>
    <message>
        <source>bfloat16 (less memory)</source>
        <translation>bfloat16（省メモリ）</translation>
    </message>
    <message>
        <source>float32 (exact, slow)</source>
        <translation>float32（正確・低速）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Gallery folder</source>
        <translation>ギャラリーフォルダー</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>言語（再起動後）</translation>
    </message>
    <message>
        <source>Allow image sizes outside the published limits (test models)</source>
        <translation>公開された制限外の画像サイズを許可する（テストモデル用）</translation>
    </message>
    <message>
        <source>The released model supports 256 to 2048 pixels per side and at most 6:1. Small test models (such as the tiny golden folders) also run at sizes like 64×64.</source>
        <translation>公開モデルは一辺 256〜2048 ピクセル、縦横比 6:1 までに対応しています。小さなテストモデル（tiny golden フォルダーなど）は 64×64 のようなサイズでも動作します。</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>An NVIDIA GPU when this build can use one, otherwise the CPU.</source>
        <translation>このビルドが使えるなら NVIDIA GPU、そうでなければ CPU。</translation>
    </message>
    <message>
        <source>The first NVIDIA GPU. Loading fails with a message when it cannot be used.</source>
        <translation>1 台目の NVIDIA GPU。使えない場合は読み込みがメッセージ付きで失敗します。</translation>
    </message>
    <message>
        <source>Works on every machine; fine for the demo model, very slow for the real one.</source>
        <translation>どのマシンでも動きます。デモモデルには十分ですが、実際のモデルではとても遅くなります。</translation>
    </message>
    <message>
        <source>Looking for an NVIDIA GPU…</source>
        <translation>NVIDIA GPU を探しています…</translation>
    </message>
    <message>
        <source>This session uses --device %1 from the command line; a device chosen here replaces it.</source>
        <translation>このセッションはコマンドラインの --device %1 を使っています。ここでデバイスを選ぶとそれに置き換わります。</translation>
    </message>
    <message>
        <source>When the model loads, the first of the modes below whose estimate fits the GPU&apos;s free memory.</source>
        <translation>モデルの読み込み時に、下のモードのうち見積もりが GPU の空きメモリに収まる最初のもの。</translation>
    </message>
    <message>
        <source>Everything on the GPU</source>
        <translation>すべて GPU 上</translation>
    </message>
    <message>
        <source>Every component on the GPU in the compute precision: the fastest mode, and the one that needs the most GPU memory.</source>
        <translation>すべてのコンポーネントを計算精度で GPU に置きます。最も速く、最も GPU メモリを使うモードです。</translation>
    </message>
    <message>
        <source>Text encoder in CPU memory</source>
        <translation>テキストエンコーダーは CPU メモリ</translation>
    </message>
    <message>
        <source>The text encoder stays in CPU memory and streams to the GPU layer by layer while a caption is encoded; a new seed for the same caption needs no encoding. The transformers and the VAE stay on the GPU.</source>
        <translation>テキストエンコーダーは CPU メモリに置かれ、キャプションをエンコードする間だけ層ごとに GPU へ転送されます。同じキャプションでシードだけ変えるときはエンコード不要です。トランスフォーマーと VAE は GPU 上に残ります。</translation>
    </message>
    <message>
        <source>Low VRAM (fp8/nf4 weights stay compressed)</source>
        <translation>省 VRAM（fp8/nf4 の重みは圧縮のまま）</translation>
    </message>
    <message>
        <source>As above, and the transformers keep their fp8 or nf4 weights compressed on the GPU, expanding one layer at a time as it runs: for consumer cards, a little slower per step.</source>
        <translation>上と同じうえ、トランスフォーマーの fp8 / nf4 の重みを GPU 上で圧縮したまま保ち、実行時に 1 層ずつ展開します。一般向けのカード用で、1 ステップあたり少し遅くなります。</translation>
    </message>
    <message>
        <source>bfloat16 on a GPU, float32 on the CPU.</source>
        <translation>GPU では bfloat16、CPU では float32。</translation>
    </message>
    <message>
        <source>The reference precision the tests check against; twice the memory of bfloat16.</source>
        <translation>テストが照合する基準の精度です。メモリは bfloat16 の 2 倍です。</translation>
    </message>
    <message>
        <source>Half the memory of float32 and faster on a GPU; pictures differ from float32 in fine detail.</source>
        <translation>メモリは float32 の半分で、GPU ではより高速です。画像は細部で float32 と異なります。</translation>
    </message>
    <message>
        <source>Memory mode</source>
        <translation>メモリモード</translation>
    </message>
    <message>
        <source>%1 · LibTorch %2 with CUDA</source>
        <translation>%1 · LibTorch %2（CUDA あり）</translation>
    </message>
    <message>
        <source>Fast mode (fp8 matmuls)</source>
        <translation>高速モード（fp8 行列積）</translation>
    </message>
    <message>
        <source>Runs on the GPU only: on the CPU the model loads in the exact mode.</source>
        <translation>GPU 専用です。CPU ではモデルは厳密モードで読み込まれます。</translation>
    </message>
    <message>
        <source>Needs bfloat16: with float32 chosen above, the model loads in the exact mode.</source>
        <translation>bfloat16 が必要です。上で float32 を選んでいるため、モデルは厳密モードで読み込まれます。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation>マジックプロンプト</translation>
    </message>
    <message>
        <source>The API key could not be stored: %1</source>
        <translation>API キーを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Automatic (NVIDIA GPU)</source>
        <translation>自動（NVIDIA GPU）</translation>
    </message>
    <message>
        <source>Automatic (CPU)</source>
        <translation>自動（CPU）</translation>
    </message>
</context>
<context>
    <name>i4::ui::TokenCountLabel</name>
    <message>
        <source>– / %1 tokens</source>
        <translation>– / %1 トークン</translation>
    </message>
    <message>
        <source>The token count needs a loaded model.</source>
        <translation>トークン数の表示にはモデルの読み込みが必要です。</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 トークン</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens; shorten the caption.</source>
        <translation>モデルが読み取れるのは最大 %1 トークンです。キャプションを短くしてください。</translation>
    </message>
    <message>
        <source>Tokens in the prompt as the model reads it (after chat framing).</source>
        <translation>モデルが読み取るときのプロンプトのトークン数（チャット形式の枠を含む）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>With --generate: keep the session as an interactive run does (the queue saved as it changes) and queue again, first, what an interrupted run left queued.</source>
        <translation>--generate と併用: 対話的な実行と同じようにセッションを保持し（キューは変更のたびに保存）、中断された実行がキューに残したものを最初に再びキューに入れます。</translation>
    </message>
    <message>
        <source>The seed of the first image (locked).</source>
        <translation>最初の画像のシード（固定）。</translation>
    </message>
    <message>
        <source>Desktop studio for the Ideogram 4 model</source>
        <translation>Ideogram 4 モデルのためのデスクトップスタジオ</translation>
    </message>
    <message>
        <source>Open the caption (JSON) in FILE.</source>
        <translation>FILE のキャプション (JSON) を開きます。</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 を書き込めませんでした</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit (with --generate: when --screenshot-step is reached).</source>
        <translation>メインウィンドウの画像を FILE に保存して終了します（--generate 指定時は --screenshot-step に達した時点）。</translation>
    </message>
    <message>
        <source>With --generate: once the image is in the gallery, show it there, save a picture of the window to FILE and quit.</source>
        <translation>--generate 指定時：画像がギャラリーに入ったらそこに表示し、ウィンドウの画像を FILE に保存して終了します。</translation>
    </message>
    <message>
        <source>Use the model folder DIR (added to the settings and made the active one).</source>
        <translation>モデルフォルダー DIR を使用します（設定に追加され、アクティブになります）。</translation>
    </message>
    <message>
        <source>Image size, e.g. 256x256.</source>
        <translation>画像サイズ（例：256x256）。</translation>
    </message>
    <message>
        <source>Number of images to generate (default 1).</source>
        <translation>生成する画像の枚数（既定値 1）。</translation>
    </message>
    <message>
        <source>Queue the images from the caption at start-up.</source>
        <translation>起動時にキャプションから画像をキューに追加します。</translation>
    </message>
    <message>
        <source>With --generate: the step at which --screenshot is taken (default 2; 0: the finished image).</source>
        <translation>--generate と併用：--screenshot を撮るステップ（既定は 2、0 は完成画像）。</translation>
    </message>
    <message>
        <source>Run the model on DEVICE this session: auto (an NVIDIA GPU when this build can use one), cuda or cpu. Overrides the setting without changing it.</source>
        <translation>このセッションでモデルを DEVICE で実行します: auto（このビルドが使えるなら NVIDIA GPU）、cuda、cpu。設定を変えずに上書きします。</translation>
    </message>
    <message>
        <source>Open the settings, save a picture of them to FILE once the GPU check has answered, and quit.</source>
        <translation>設定を開き、GPU の確認が終わったらその画像を FILE に保存して終了します。</translation>
    </message>
</context>
<context>
    <name>i4::ui::SessionKeeper</name>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 を読み込めません</translation>
    </message>
    <message>
        <source>Queued images</source>
        <translation>待機中の画像</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) were still queued when i4studio closed. Queue them again?</source>
        <translation>
            <numerusform>i4studio の終了時に %n 枚の画像が待機中でした。もう一度キューに入れますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>i4::ui::DemoModelHints</name>
    <message>
        <source>Demo model: 1–3 shapes, 6 colours; keep boxes off the edges</source>
        <translation>デモモデル：図形 1〜3 個、6 色。枠は端から離して</translation>
    </message>
    <message>
        <source>Demo model: 1–3 shapes (circle, square, triangle, star, ring) in 6 colours (red, green, blue, yellow, orange, purple) on a plain background. Keep boxes away from the edges.</source>
        <translation>デモモデル：単色の背景に 1〜3 個の図形（円、正方形、三角形、星、リング）、6 色（赤、緑、青、黄、オレンジ、紫）。枠は端から離してください。</translation>
    </message>
    <message>
        <source>demo ignores</source>
        <translation>デモは無視</translation>
    </message>
    <message>
        <source>The demo model was not trained on this field; it is sent, but does not change its pictures.</source>
        <translation>デモモデルはこの項目で学習していません。送信はされますが、画像は変わりません。</translation>
    </message>
</context>
<context>
    <name>i4::ui::LayoutCanvas</name>
    <message>
        <source>Delete element</source>
        <translation>要素を削除</translation>
    </message>
    <message>
        <source>Bring forward</source>
        <translation>前面へ</translation>
    </message>
    <message>
        <source>Send backward</source>
        <translation>背面へ</translation>
    </message>
    <message>
        <source>Add object here</source>
        <translation>ここにオブジェクトを追加</translation>
    </message>
    <message>
        <source>Add text here</source>
        <translation>ここにテキストを追加</translation>
    </message>
</context>
<context>
    <name>i4::ui::ScheduleBars</name>
    <message>
        <source>Drag up or down to set steps; click a step to type its value.</source>
        <translation>上下にドラッグしてステップの値を設定、クリックで値を入力。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>Step %1: </source>
        <translation>ステップ %1：</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>ステップ %1：%2</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicPromptBar</name>
    <message>
        <source>No magic prompt back end is set up.</source>
        <translation>マジックプロンプトのバックエンドが設定されていません。</translation>
    </message>
    <message>
        <source>A plain idea, e.g. a green star above a red ring</source>
        <translation>簡単なアイデア（例：赤い輪の上にある緑の星）</translation>
    </message>
    <message>
        <source>Magic prompt</source>
        <translation>マジックプロンプト</translation>
    </message>
    <message>
        <source>Write a detailed structured caption from the idea (the back end is chosen in Settings › Magic prompt)</source>
        <translation>アイデアから詳しい構造化キャプションを書きます（バックエンドは「設定 › マジックプロンプト」で選びます）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Magic prompt failed: %1</source>
        <translation>マジックプロンプトに失敗しました: %1</translation>
    </message>
    <message>
        <source>Magic prompt cancelled; the caption is as it was.</source>
        <translation>マジックプロンプトをキャンセルしました。キャプションは元のままです。</translation>
    </message>
    <message>
        <source>Type an idea first.</source>
        <translation>先にアイデアを入力してください。</translation>
    </message>
    <message>
        <source>Writing the caption (%1)…</source>
        <translation>キャプションを作成中（%1）…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Caption written in %1 s (%2). Edit it as you like.</source>
        <translation>キャプションを %1 秒で作成しました（%2）。自由に編集できます。</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettings</name>
    <message>
        <source>No endpoint model is set. Enter the URL and model of an OpenAI-compatible chat server in Settings › Magic prompt.</source>
        <translation>エンドポイントのモデルが設定されていません。「設定 › マジックプロンプト」で OpenAI 互換チャットサーバーの URL とモデルを入力してください。</translation>
    </message>
    <message>
        <source>The local magic prompt runs the active model&apos;s language model: choose a model folder in Settings first.</source>
        <translation>ローカルのマジックプロンプトはアクティブなモデルの言語モデルを使います。先に設定でモデルフォルダーを選んでください。</translation>
    </message>
</context>
<context>
    <name>i4::ui::MagicSettingsBox</name>
    <message>
        <source>Magic prompt</source>
        <translation>マジックプロンプト</translation>
    </message>
    <message>
        <source>Endpoint (OpenAI-compatible chat API)</source>
        <translation>エンドポイント（OpenAI 互換チャット API）</translation>
    </message>
    <message>
        <source>Local (the model&apos;s own language model)</source>
        <translation>ローカル（モデル自身の言語モデル）</translation>
    </message>
    <message>
        <source>The API&apos;s base address: Ollama http://localhost:11434/v1, llama.cpp server http://localhost:8080/v1, LM Studio http://localhost:1234/v1, or a cloud service&apos;s</source>
        <translation>API のベースアドレス: Ollama は http://localhost:11434/v1、llama.cpp サーバーは http://localhost:8080/v1、LM Studio は http://localhost:1234/v1、またはクラウドサービスのもの</translation>
    </message>
    <message>
        <source>e.g. qwen3:8b</source>
        <translation>例: qwen3:8b</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Stream the caption as it is written</source>
        <translation>書かれていくキャプションを逐次表示する</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long the server may stay silent before the request is given up</source>
        <translation>リクエストを諦めるまでにサーバーが無応答でいられる時間</translation>
    </message>
    <message>
        <source>Back end</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>the stored key is removed on OK</source>
        <translation>保存済みのキーは OK で削除されます</translation>
    </message>
    <message>
        <source>stored in the system keychain; type to replace</source>
        <translation>システムのキーチェーンに保存済み。置き換えるには入力してください</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>保存済み。置き換えるには入力してください</translation>
    </message>
    <message>
        <source>none (local servers need none)</source>
        <translation>なし（ローカルサーバーには不要）</translation>
    </message>
    <message>
        <source>No system keychain answered, so the API key is kept in %1, which only you can read.</source>
        <translation>システムのキーチェーンが応答しなかったため、API キーはあなただけが読める %1 に保存されています。</translation>
    </message>
    <message>
        <source>An API key is kept in the system keychain (or, where there is none, in a file only you can read), never in the settings file.</source>
        <translation>API キーはシステムのキーチェーン（ない場合はあなただけが読めるファイル）に保存され、設定ファイルには保存されません。</translation>
    </message>
    <message>
        <source>beside the text encoder</source>
        <translation>テキストエンコーダーの隣</translation>
    </message>
    <message>
        <source>The LM head (lm_head.weight) when it is not beside the text encoder: a .safetensors file, or a folder such as a Qwen/Qwen3-VL-8B-Instruct download</source>
        <translation>テキストエンコーダーの隣にない場合の LM ヘッド（lm_head.weight）: .safetensors ファイル、または Qwen/Qwen3-VL-8B-Instruct をダウンロードしたフォルダーなど</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Folder with the LM head</source>
        <translation>LM ヘッドのあるフォルダー</translation>
    </message>
    <message>
        <source>LM head</source>
        <translation>LM ヘッド</translation>
    </message>
    <message>
        <source>The local back end runs on this machine with the active model folder: the demo model&apos;s own small language model, or the text encoder with an LM head (lm_head.weight, 622M parameters, from Qwen/Qwen3-VL-8B-Instruct) found beside it or where LM head says. It loads on the first magic prompt and stays loaded.</source>
        <translation>ローカルのバックエンドは、アクティブなモデルフォルダーを使ってこのマシン上で動きます。デモモデル専用の小さな言語モデル、またはテキストエンコーダーと、その隣か「LM ヘッド」で指定した場所にある LM ヘッド（lm_head.weight、6.22 億パラメーター、Qwen/Qwen3-VL-8B-Instruct のもの）を使います。最初のマジックプロンプトで読み込まれ、その後も読み込まれたままです。</translation>
    </message>
</context>
<context>
    <name>i4::ui::ImageInputPanel</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Take back the last change to the mask</source>
        <translation>マスクへの最後の変更を取り消す</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Stop working from this image: text to image again</source>
        <translation>この画像から生成するのをやめる（テキストから画像に戻す）</translation>
    </message>
    <message>
        <source>Paint where the picture is repainted (white in the mask). No mask: the whole picture is redrawn at the strength below.</source>
        <translation>描き直す範囲を塗ります（マスクの白）。マスクなしでは、下の強さで画像全体を描き直します。</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <source>Paint the area to repaint</source>
        <translation>描き直す範囲を塗る</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
    <message>
        <source>Keep this area after all</source>
        <translation>この範囲は残す</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Drag a box to repaint</source>
        <translation>ドラッグで描き直す矩形を指定</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush size, in pixels of the input image</source>
        <translation>ブラシの大きさ（入力画像のピクセル）</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>マスクを消去</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反転</translation>
    </message>
    <message>
        <source>How soft the brush&apos;s edge is: 0 paints a hard edge</source>
        <translation>ブラシの縁のぼかし（0 でくっきり）</translation>
    </message>
    <message>
        <source>Soft edge</source>
        <translation>ぼかし</translation>
    </message>
    <message>
        <source>Blend the repainted area this many pixels into the kept picture (the mask&apos;s and the extension&apos;s edges)</source>
        <translation>描き直す範囲を、残す画像へこのピクセル数だけなじませます（マスクと拡張部分の縁）</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>境界のなじませ</translation>
    </message>
    <message>
        <source>How much is redrawn: the last share of the steps runs from the picture with noise added. 1 = from noise (the picture only guides the kept area).</source>
        <translation>どれだけ描き直すか：ステップの最後の割合を、ノイズを加えた画像から実行します。1 = ノイズから（画像は残す範囲だけに使われます）。</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>強さ</translation>
    </message>
    <message>
        <source>Crop to fill</source>
        <translation>切り抜いて合わせる</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>引き伸ばす</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>合わせ方</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>Outpainting: pixels added on this side (%1); the new area is painted</source>
        <translation>アウトペインティング：この辺（%1）に追加するピクセル数。追加部分が描かれます</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>拡張</translation>
    </message>
    <message>
        <source>Use its size</source>
        <translation>このサイズにする</translation>
    </message>
    <message>
        <source>Set the output size to the input&apos;s (with the extension), rounded to multiples of 16</source>
        <translation>出力サイズを入力画像（拡張を含む）のサイズにします（16 の倍数に丸め）</translation>
    </message>
    <message>
        <source>Input image</source>
        <translation>入力画像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp);;All files (*)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.webp *.bmp);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2</source>
        <translation>%1 を画像として読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 could not be written</source>
        <translation>%1 を書き込めませんでした</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1（%2×%3）</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>Used as it is (%1).</source>
        <translation>そのまま使用（%1）。</translation>
    </message>
    <message>
        <source>%1 stretched to %2 (scaled by %3 × %4).</source>
        <translation>%1 を %2 に引き伸ばし（倍率 %3 × %4）。</translation>
    </message>
    <message>
        <source>%1 scaled by %2 to %3.</source>
        <translation>%1 を %2 倍して %3 に。</translation>
    </message>
    <message>
        <source>%1 scaled by %2 and cropped to %3 (%4 px cut).</source>
        <translation>%1 を %2 倍し、%3 に切り抜き（%4 px カット）。</translation>
    </message>
    <message>
        <source>No input image: text to image. Drop a picture on the window to work from it.</source>
        <translation>入力画像なし：テキストから画像。画像をウィンドウにドロップすると、その画像から生成します。</translation>
    </message>
    <message>
        <source>Inpainting and outpainting: the mask and the new area are painted.</source>
        <translation>インペインティングとアウトペインティング：マスクと追加部分を描きます。</translation>
    </message>
    <message>
        <source>Inpainting: the mask is repainted, the rest kept.</source>
        <translation>インペインティング：マスク部分を描き直し、残りはそのまま。</translation>
    </message>
    <message>
        <source>Outpainting: the new area is painted, the picture kept.</source>
        <translation>アウトペインティング：追加部分を描き、画像はそのまま。</translation>
    </message>
    <message>
        <source>Image to image: the whole picture is redrawn.</source>
        <translation>画像から画像：画像全体を描き直します。</translation>
    </message>
    <message>
        <source>the mask could not be encoded</source>
        <translation>マスクをエンコードできませんでした</translation>
    </message>
    <message>
        <source>the mask could not be written to %1: %2</source>
        <translation>マスクを %1 に書き込めませんでした：%2</translation>
    </message>
</context>
<context>
    <name>i4::ui::MaskCanvas</name>
    <message>
        <source>Drop an image here (or on the window), or choose one</source>
        <translation>ここ（またはウィンドウ）に画像をドロップするか、選択してください</translation>
    </message>
</context>
<context>
    <name>i4::ui::MainWindow</name>
    <message>
        <source>Input image</source>
        <translation>入力画像</translation>
    </message>
    <message>
        <source>Working from %1</source>
        <translation>%1 から生成します</translation>
    </message>
    <message>
        <source>The input image cannot be used: %1</source>
        <translation>入力画像を使用できません：%1</translation>
    </message>
</context>
</TS>
