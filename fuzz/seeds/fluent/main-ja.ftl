# bcop デフォルトテーマ：日本語の UI 文字列。
# 翻訳者の方へ：キーは変更せず、「=」の後のテキストだけを変更してください。

skip-to-content = 本文へスキップ
nav-label = サイト
nav-home = ホーム
nav-documents = 文書
language-switcher-label = 言語
language-unavailable = この言語では利用できません（文書一覧を開きます）
drafts-build = プレビュー用ビルド：草案を含みます
footer-built-with = bcop で作成

home-choose-language = 言語を選択してください
home-translated-count = { $count ->
    [0] 翻訳済みの文書はまだありません
   *[other] { $count } 件の文書を閲覧できます
}

catalog-title = 文書
catalog-intro = 現行の運用ベストプラクティス（BCOP）文書 { $count } 件。すべてのバージョンと翻訳を掲載しています。

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
versions-count = { $count } 件のバージョン

status-draft = 草案
status-published = 公開済み
status-superseded = 置き換え済み
status-withdrawn = 撤回

lang-state-source = 原文
lang-state-complete = 翻訳済み
lang-state-partial = 一部翻訳済み
lang-state-missing = 未翻訳

versions-title = バージョン履歴
versions-all = すべてのバージョン
version-switcher-label = バージョン
version-label = バージョン { $version }
version-latest = 最新

banner-draft = これは草案です。承認された文書ではなく、随時変更される可能性があります。
banner-withdrawn = この文書は撤回されました。今後はこの文書に従わないでください。
banner-superseded = このバージョンはバージョン { $latest } に置き換えられました。
banner-older = 古いバージョンを表示しています。現在のバージョンは { $latest } です。
banner-go-latest = バージョン { $latest } を読む

redirect-notice = 最新バージョンは { $version } です。そちらへ移動しています。

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

lang-state-outdated = 翻訳が古くなっています
lang-state-unstamped = 翻訳済み（未スタンプ）

outdated-section = この節の原文は、この翻訳の作成後に変更されました。
outdated-section-source = 翻訳が古くなっているため、この節は原文の言語で表示しています。
outdated-section-link = 現在の原文を読む
outdated-added = この翻訳の作成後、原文に { $count } 個の節が追加されました：
outdated-header = この翻訳の作成後、原文の { $count } 個の節が変更されました。該当する節には印を付けています。

label-id = 文書番号
label-language = 言語
label-pdf = PDF
pdf-contents = 目次
pdf-page-of = { $total } ページ中 { $current } ページ
pdf-draft = 草案
download-pdf = PDF（{ $size }）
print-edition = 印刷版
print-contents = 目次
