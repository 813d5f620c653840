# Tema padrão do bcop: textos da interface em português do Brasil.
# Tradutores: mantenham as chaves; alterem somente o texto depois de "=".

skip-to-content = Pular para o conteúdo
nav-label = Site
nav-home = Início
nav-documents = Documentos
language-switcher-label = Idioma
language-unavailable = Não disponível neste idioma: abre a lista de documentos
drafts-build = Prévia do site: inclui rascunhos
footer-built-with = Feito com bcop

home-choose-language = Escolha seu idioma
home-translated-count = { $count ->
    [0] Nenhum documento traduzido ainda
    [one] Um documento disponível
   *[other] { $count } documentos disponíveis
}

catalog-title = Documentos
catalog-intro = { $count ->
    [one] Um documento de melhores práticas operacionais atuais, com todas as versões e traduções.
   *[other] { $count } documentos de melhores práticas operacionais atuais, com todas as versões e traduções.
}
feed-link = Acompanhe as novas versões (feed Atom)

label-status = Status
label-latest-version = Versão mais recente
label-version = Versão
label-date = Data
label-languages = Idiomas
label-authors = { $count ->
    [one] Autor
   *[other] Autores
}
label-translators = { $count ->
    [one] Tradutor
   *[other] Tradutores
}
versions-count = { $count ->
    [one] uma versão
   *[other] { $count } versões
}

status-draft = Rascunho
status-published = Publicado
status-superseded = Substituído
status-withdrawn = Retirado

lang-state-source = Original
lang-state-complete = Traduzido
lang-state-partial = Parcialmente traduzido
lang-state-missing = Não traduzido

versions-title = Histórico de versões
versions-all = Todas as versões
version-label = Versão { $version }
version-latest = mais recente

banner-draft = Este é um rascunho. Não é um documento aprovado e pode mudar a qualquer momento.
banner-withdrawn = Este documento foi retirado e não deve mais ser seguido.
banner-superseded = Esta versão foi substituída pela versão { $latest }.
banner-older = Você está lendo uma versão anterior. A versão atual é a { $latest }.
banner-go-latest = Ler a versão { $latest }

redirect-notice = A versão mais recente é a { $version }. Você está sendo redirecionado para ela.

fallback-notice = Esta parte ainda não foi traduzida para o { $language }. O texto abaixo é a versão original em { $source }.

chapters-title = Capítulos
toc-title = Nesta página
chapter-previous = Anterior
chapter-next = Próximo

not-found-title = Página não encontrada
not-found-text = A página solicitada não existe. Ela pode ter sido movida para outra versão.

alert-note = Nota
alert-tip = Dica
alert-important = Importante
alert-warning = Aviso
alert-caution = Cuidado

caption-table = Tabela { $number }
caption-figure = Figura { $number }

lang-state-outdated = Tradução desatualizada
lang-state-unstamped = Traduzido, ainda sem carimbo

outdated-section = O original desta seção mudou depois que esta tradução foi feita.
outdated-section-source = Esta seção é exibida no idioma original: a tradução está desatualizada.
outdated-section-link = Ler o original atual
outdated-abstract = O resumo original mudou depois que esta tradução foi feita.
outdated-added = { $count ->
    [one] Uma seção foi acrescentada ao original depois desta tradução:
   *[other] { $count } seções foram acrescentadas ao original depois desta tradução:
}
outdated-header = { $count ->
    [one] Uma seção do original mudou depois que esta tradução foi feita. Ela está marcada abaixo.
   *[other] { $count } seções do original mudaram depois que esta tradução foi feita. Elas estão marcadas abaixo.
}

label-id = Identificador
label-language = Idioma
label-pdf = PDF
label-publisher = Publicado por
label-supersedes = Substitui
label-license = Licença
label-feedback = Comentários
label-abstract = Resumo
pdf-contents = Sumário
pdf-page-of = Página { $current } de { $total }
pdf-draft = RASCUNHO
pdf-fallback-document = Este documento ainda não foi traduzido para o { $language }. O texto é a versão original em { $source }.
pdf-outdated-source = Seção do original:
download-pdf = PDF ({ $size })
print-edition = Edição para impressão
print-contents = Sumário

# Palavras-chave do BCP 14 e requisitos
bcp14-absolute = requisito absoluto (BCP 14: DEVE, OBRIGATÓRIO, DEVERÁ)
bcp14-prohibited = proibição absoluta (BCP 14: NÃO DEVE, NÃO DEVERÁ)
bcp14-recommended = recomendado (BCP 14: DEVERIA, RECOMENDADO)
bcp14-not-recommended = não recomendado (BCP 14: NÃO DEVERIA, NÃO RECOMENDADO)
bcp14-optional = opcional (BCP 14: PODE, OPCIONAL)
bcp14-boilerplate = As palavras-chave "DEVE", "NÃO DEVE", "OBRIGATÓRIO", "DEVERÁ", "NÃO DEVERÁ", "DEVERIA", "NÃO DEVERIA", "RECOMENDADO", "NÃO RECOMENDADO", "PODE" e "OPCIONAL" neste documento devem ser interpretadas conforme descrito no BCP 14 (RFC 2119 e RFC 8174) quando, e somente quando, aparecerem em letras maiúsculas, como mostrado aqui.
level-absolute = Deve
level-prohibited = Não deve
level-recommended = Deveria
level-not-recommended = Não deveria
level-optional = Pode
level-none = Sem palavra-chave
requirements-title = Requisitos
requirements-link = { $count ->
    [one] 1 requisito
   *[other] { $count } requisitos
}
requirements-intro = { $count ->
    [one] Esta versão tem um requisito.
   *[other] Esta versão tem { $count } requisitos.
} Cada um leva à seção em que se encontra. A mesma lista está disponível para download como lista de verificação.
requirements-col-id = ID
requirements-col-level = Nível
requirements-col-text = Requisito
requirements-col-section = Seção
requirements-csv = Lista de verificação (CSV)
requirements-json = Lista de verificação (JSON)
requirements-fallback = Ainda não traduzido: é exibido o texto original.
requirements-outdated = O texto original mudou depois que esta tradução foi feita.
pdf-requirements = Requisitos
pdf-page = Página
changes-title = Alterações da versão { $from } para a { $to }
changes-link = Alterações desde a { $from }
changes-intro = O que mudou desde a versão { $from }: primeiro os requisitos, depois o texto de cada seção alterada. As palavras inseridas aparecem sublinhadas, e as removidas, riscadas.
changes-source-notice = Esta tradução não cobre as duas versões por completo; por isso, as alterações são mostradas no texto original.
changes-requirements = Requisitos
changes-summary = Incluídos: { $added } · Removidos: { $removed } · Reescritos: { $reworded } · Reforçados: { $strengthened } · Atenuados: { $weakened } · Movidos: { $moved }
changes-unchanged-requirements = { $count ->
    [one] Um requisito não mudou.
   *[other] { $count } requisitos não mudaram.
}
changes-col-id = ID
changes-col-change = Alteração
changes-col-text = Texto
changes-added = Incluído
changes-removed = Removido
changes-reworded = Reescrito
changes-strengthened = Reforçado
changes-weakened = Atenuado
changes-reversed = Invertido
changes-moved = Movido
changes-redline = Texto alterado
changes-unchanged-sections = { $count ->
    [one] Uma seção não mudou.
   *[other] { $count } seções não mudaram.
}
changes-section-added = Seção nova
changes-section-removed = Seção removida
changes-moved-here = Movido para cá de “{ $section }”
changes-moved-away = Movido para “{ $section }”
changes-none = Nada mudou.
changes-inserted = inserido
changes-deleted = removido
pdf-changes = Alterações desde a versão { $from }
changes-skipped = { $count ->
    [one] Um parágrafo sem alterações
   *[other] { $count } parágrafos sem alterações
}
# Language names as a sentence in this language says them ("translated into French").
language-name-en = inglês
language-name-pt-BR = português
language-name-es = espanhol
language-name-fr = francês
language-name-ja = japonês
# What joins a label to what it labels ("Version history: Abuse Desk Operations").
label-separator = { ": " }
pager-label = Capítulo anterior e seguinte
cite-title = Como citar
cite-downloads = Baixar a referência:
cite-text = { $authors }. { $title }. Versão { $version }{ $has_id ->
    [0] {""}
   *[other] {" "}({ $id })
}{ $translators_count ->
    [0] {""}
   *[other] , tradução de { $translators }
}. { $publisher }, { $date }. Em { $language }. Disponível em: { $url }
name-separator = { ", " }
cite-undated = s.d.

# Pesquisa (a caixa no cabeçalho e os resultados).
search-label = Pesquisar
search-placeholder = Pesquisar nos documentos
search-close = Fechar
search-document = Documento
search-all-documents = Todos os documentos
search-version = Versão
search-latest-versions = Versão mais recente
search-all-versions = Todas as versões
search-none = Nenhum resultado.
search-too-short = Digite pelo menos duas letras.
search-more = Mostrar mais resultados
search-status-translation = Tradução
search-status-outdated = Tradução desatualizada
search-status-fallback = Ainda não traduzido: original em { $source }
search-loading = Pesquisando…
search-failed = Não foi possível carregar o índice de pesquisa.
search-count = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
search-offline = A pesquisa só funciona quando o site é servido por um servidor web (por exemplo, “bcop serve”), e não aberto como arquivo.
