# bcopデフォルトテーマ：日本語のUI文字列。
# 翻訳者の方へ：キーは変更せず、「=」の後のテキストだけを変更してください。

skip-to-content = 本文へスキップ
nav-label = サイト
nav-home = ホーム
nav-documents = 文書
language-switcher-label = 言語
language-unavailable = この言語では利用できません（文書一覧を開きます）
drafts-build = プレビュー用ビルド：草案を含みます
footer-built-with = bcopで作成

home-choose-language = 言語を選択してください
home-translated-count = { $count ->
    [0] 翻訳済みの文書はまだありません
   *[other] { $count }件の文書を閲覧できます
}

catalog-title = 文書一覧
catalog-intro = 現行の運用ベストプラクティス（BCOP）文書{ $count }件を、すべてのバージョンと翻訳とともに掲載しています。
feed-link = 新しいバージョンを購読する（Atomフィード）

label-status = 状態
label-latest-version = 最新バージョン
label-version = バージョン
label-date = 日付
label-languages = 言語
label-authors = { $count ->
   *[other] 著者
}
label-translators = { $count ->
   *[other] 翻訳者
}
versions-count = { $count }件のバージョン

status-draft = 草案
status-published = 公開済み
status-superseded = 置き換え済み
status-withdrawn = 撤回済み

lang-state-source = 原文
lang-state-complete = 翻訳済み
lang-state-partial = 一部翻訳済み
lang-state-missing = 未翻訳

versions-title = バージョン履歴
versions-all = すべてのバージョン
version-label = バージョン{ $version }
version-latest = 最新

banner-draft = これは草案です。承認された文書ではなく、随時変更される可能性があります。
banner-withdrawn = この文書は撤回されました。今後はこの文書に従わないでください。
banner-superseded = このバージョンはバージョン{ $latest }に置き換えられました。
banner-older = 古いバージョンを表示しています。最新バージョンは{ $latest }です。
banner-go-latest = バージョン{ $latest }を読む

redirect-notice = 最新バージョンは{ $version }です。そのページへ移動します。

fallback-notice = この部分はまだ{ $language }に翻訳されていません。以下は{ $source }の原文です。

chapters-title = 章
toc-title = このページの内容
chapter-previous = 前へ
chapter-next = 次へ

not-found-title = ページが見つかりません
not-found-text = お探しのページは存在しません。別のバージョンに移動した可能性があります。

alert-note = 注記
alert-tip = ヒント
alert-important = 重要
alert-warning = 警告
alert-caution = 注意

caption-table = 表{ $number }
caption-figure = 図{ $number }

lang-state-outdated = 翻訳未更新
lang-state-unstamped = 翻訳済み（未スタンプ）

outdated-section = この節の原文は、この翻訳の作成後に変更されました。
outdated-section-source = この節は翻訳が更新されていないため、原文で表示しています。
outdated-section-link = 現在の原文を読む
outdated-abstract = この概要の原文は、この翻訳の作成後に変更されました。
outdated-added = この翻訳の作成後に、原文に次の{ $count }節が追加されました：
outdated-header = この翻訳の作成後に、原文の{ $count }節が変更されました。該当する節には、以下で印を付けています。

label-id = 文書番号
label-language = 言語
label-pdf = PDF
label-publisher = 発行者
label-supersedes = 旧版
label-license = ライセンス
label-feedback = フィードバック先
label-abstract = 概要
pdf-contents = 目次
pdf-page-of = { $total }ページ中{ $current }ページ
pdf-draft = 草案
pdf-fallback-document = この文書はまだ{ $language }に翻訳されていません。本文は{ $source }の原文です。
pdf-outdated-source = 原文の節：
download-pdf = PDF（{ $size }）
print-edition = 印刷用ページ
print-contents = 目次

# BCP 14のキーワードと要件
bcp14-absolute = 絶対的な要件（BCP 14：MUST、REQUIRED、SHALL）
bcp14-prohibited = 絶対的な禁止事項（BCP 14：MUST NOT、SHALL NOT）
bcp14-recommended = 推奨（BCP 14：SHOULD、RECOMMENDED）
bcp14-not-recommended = 非推奨（BCP 14：SHOULD NOT、NOT RECOMMENDED）
bcp14-optional = 任意（BCP 14：MAY、OPTIONAL）
bcp14-boilerplate = この文書における各キーワード「しなければならない（MUST）」、「してはならない（MUST NOT）」、「要求されている（REQUIRED）」、「することになる（SHALL）」、「することはない（SHALL NOT）」、「する必要がある（SHOULD）」、「しないほうがよい（SHOULD NOT）」、「推奨される（RECOMMENDED）」、「推奨されない（NOT RECOMMENDED）」、「してもよい（MAY）」、「選択できる（OPTIONAL）」は、ここに示すように括弧内に大文字の英語キーワードを伴う場合に限り、BCP 14（RFC 2119およびRFC 8174）に記述されているとおりに解釈される。
level-absolute = 必須
level-prohibited = 禁止
level-recommended = 推奨
level-not-recommended = 非推奨
level-optional = 任意
level-none = キーワードなし
requirements-title = 要件一覧
requirements-link = 要件一覧（{ $count }件）
requirements-intro = このバージョンには{ $count }件の要件があります。各要件から、その要件を含む節へ移動できます。この一覧は、チェックリストとしてダウンロードすることもできます。
requirements-col-id = ID
requirements-col-level = レベル
requirements-col-text = 要件
requirements-col-section = 節
requirements-csv = チェックリスト（CSV）
requirements-json = チェックリスト（JSON）
requirements-fallback = 未翻訳のため、原文を表示しています。
requirements-outdated = この翻訳の作成後に原文が変更されました。
pdf-requirements = 要件一覧
pdf-page = ページ
changes-title = バージョン{ $from }から{ $to }への変更点
changes-link = バージョン{ $from }からの変更点
changes-intro = バージョン{ $from }からの変更点です。まず要件の変更を、次に変更のあった節の本文を示します。追加された語句には下線を、削除された語句には取り消し線を引いています。
changes-source-notice = この翻訳は両方のバージョンを完全には網羅していないため、変更点は原文で示しています。
changes-requirements = 要件
changes-summary = 追加{ $added }件、削除{ $removed }件、文言変更{ $reworded }件、強化{ $strengthened }件、緩和{ $weakened }件、移動{ $moved }件
changes-unchanged-requirements = 変更のない要件は{ $count }件です。
changes-col-id = ID
changes-col-change = 変更内容
changes-col-text = 本文
changes-added = 追加
changes-removed = 削除
changes-reworded = 文言変更
changes-strengthened = 強化
changes-weakened = 緩和
changes-reversed = 反転
changes-moved = 移動
changes-redline = 本文の変更
changes-unchanged-sections = { $count }節は変更されていません。
changes-section-added = 追加された節
changes-section-removed = 削除された節
changes-moved-here = 「{ $section }」から移動
changes-moved-away = 「{ $section }」へ移動
changes-none = 変更はありません。
changes-inserted = 追加
changes-deleted = 削除
pdf-changes = バージョン{ $from }からの変更点
changes-skipped = 変更のない段落（{ $count }件）
# Language names as a sentence in this language says them ("translated into French").
language-name-en = 英語
language-name-pt-BR = ポルトガル語
language-name-es = スペイン語
language-name-fr = フランス語
language-name-ja = 日本語
# What joins a label to what it labels ("Version history: Abuse Desk Operations").
label-separator = { "：" }
pager-label = 前後の章
cite-title = この文書の引用方法
cite-downloads = 書誌情報のダウンロード：
cite-text = { $authors }著{ $translators_count ->
    [0] {""}
   *[other] 、{ $translators }訳
}『{ $title }』バージョン{ $version }{ $has_id ->
    [0] {""}
   *[other] （{ $id }）
}、{ $publisher }、{ $date }、{ $language }版。入手先：{ $url }
name-separator = { "、" }
cite-undated = 日付不明

# 検索（ヘッダーの検索ボックスと検索結果）
search-label = 検索
search-placeholder = 文書を検索
search-close = 閉じる
search-document = 文書
search-all-documents = すべての文書
search-version = バージョン
search-latest-versions = 最新バージョン
search-all-versions = すべてのバージョン
search-none = 該当する結果はありません。
search-too-short = 2文字以上入力してください。
search-more = さらに表示
search-status-translation = 翻訳
search-status-outdated = 翻訳（未更新）
search-status-fallback = 未翻訳（{ $source }の原文）
search-loading = 検索しています…
search-failed = 検索インデックスを読み込めませんでした。
search-count = { $count }件
search-offline = 検索は、サイトをウェブサーバーから配信している場合にのみ利用できます（例：「bcop serve」）。ファイルとして直接開いた場合は利用できません。
