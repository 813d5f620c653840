# Tema predeterminado de bcop: textos de la interfaz en español.
# Traductores: conserven las claves; cambien solo el texto que sigue a "=".

skip-to-content = Saltar al contenido
nav-label = Sitio
nav-home = Inicio
nav-documents = Documentos
language-switcher-label = Idioma
language-unavailable = No disponible en este idioma: abre la lista de documentos
drafts-build = Vista previa del sitio: incluye borradores
footer-built-with = Creado con bcop

home-choose-language = Elija su idioma
home-translated-count = { $count ->
    [0] Aún no hay documentos traducidos
    [one] Un documento disponible
   *[other] { $count } documentos disponibles
}

catalog-title = Documentos
catalog-intro = { $count ->
    [one] Un documento de mejores prácticas operativas vigentes, con todas sus versiones y traducciones.
   *[other] { $count } documentos de mejores prácticas operativas vigentes, con todas sus versiones y traducciones.
}
feed-link = Siga las nuevas versiones (canal Atom)

label-status = Estado
label-latest-version = Versión más reciente
label-version = Versión
label-date = Fecha
label-languages = Idiomas
label-authors = { $count ->
    [one] Autor
   *[other] Autores
}
label-translators = { $count ->
    [one] Traductor
   *[other] Traductores
}
versions-count = { $count ->
    [one] una versión
   *[other] { $count } versiones
}

status-draft = Borrador
status-published = Publicado
status-superseded = Reemplazado
status-withdrawn = Retirado

lang-state-source = Original
lang-state-complete = Traducido
lang-state-partial = Parcialmente traducido
lang-state-missing = Sin traducir

versions-title = Historial de versiones
versions-all = Todas las versiones
version-label = Versión { $version }
version-latest = más reciente

banner-draft = Este es un borrador. No es un documento aprobado y puede cambiar en cualquier momento.
banner-withdrawn = Este documento ha sido retirado y ya no debe seguirse.
banner-superseded = Esta versión ha sido reemplazada por la versión { $latest }.
banner-older = Está leyendo una versión anterior. La versión actual es la { $latest }.
banner-go-latest = Leer la versión { $latest }

redirect-notice = La versión más reciente es la { $version }. Le estamos redirigiendo a ella.

fallback-notice = Esta parte aún no se ha traducido al { $language }. El texto siguiente es la versión original en { $source }.

chapters-title = Capítulos
toc-title = En esta página
chapter-previous = Anterior
chapter-next = Siguiente

not-found-title = Página no encontrada
not-found-text = La página solicitada no existe. Es posible que se haya trasladado a otra versión.

alert-note = Nota
alert-tip = Consejo
alert-important = Importante
alert-warning = Advertencia
alert-caution = Precaución

caption-table = Tabla { $number }
caption-figure = Figura { $number }

lang-state-outdated = Traducción desactualizada
lang-state-unstamped = Traducido, aún sin sellar

outdated-section = El original de esta sección cambió después de hacerse esta traducción.
outdated-section-source = Esta sección se muestra en el idioma original: su traducción está desactualizada.
outdated-section-link = Leer el original actual
outdated-abstract = El resumen original cambió después de hacerse esta traducción.
outdated-added = { $count ->
    [one] Se añadió una sección al original después de esta traducción:
   *[other] Se añadieron { $count } secciones al original después de esta traducción:
}
outdated-header = { $count ->
    [one] Una sección del original cambió después de hacerse esta traducción. Está marcada más abajo.
   *[other] { $count } secciones del original cambiaron después de hacerse esta traducción. Están marcadas más abajo.
}

label-id = Identificador
label-language = Idioma
label-pdf = PDF
label-publisher = Publicado por
label-supersedes = Sustituye a
label-license = Licencia
label-feedback = Comentarios
label-abstract = Resumen
pdf-contents = Índice
pdf-page-of = Página { $current } de { $total }
pdf-draft = BORRADOR
pdf-fallback-document = Este documento aún no se ha traducido al { $language }. El texto es la versión original en { $source }.
pdf-outdated-source = Sección del original:
download-pdf = PDF ({ $size })
print-edition = Edición para imprimir
print-contents = Índice

# Palabras clave del BCP 14 y requisitos
bcp14-absolute = requisito absoluto (BCP 14: DEBE, OBLIGATORIO, DEBERÁ)
bcp14-prohibited = prohibición absoluta (BCP 14: NO DEBE, NO DEBERÁ)
bcp14-recommended = recomendado (BCP 14: DEBERÍA, RECOMENDADO)
bcp14-not-recommended = no recomendado (BCP 14: NO DEBERÍA, NO RECOMENDADO)
bcp14-optional = opcional (BCP 14: PUEDE, OPCIONAL)
bcp14-boilerplate = Las palabras clave "DEBE", "NO DEBE", "OBLIGATORIO", "DEBERÁ", "NO DEBERÁ", "DEBERÍA", "NO DEBERÍA", "RECOMENDADO", "NO RECOMENDADO", "PUEDE" y "OPCIONAL" de este documento deben interpretarse como se describe en el BCP 14 (RFC 2119 y RFC 8174) cuando, y solo cuando, aparecen en mayúsculas, como se muestra aquí.
level-absolute = Debe
level-prohibited = No debe
level-recommended = Debería
level-not-recommended = No debería
level-optional = Puede
level-none = Sin palabra clave
requirements-title = Requisitos
requirements-link = { $count ->
    [one] 1 requisito
   *[other] { $count } requisitos
}
requirements-intro = { $count ->
    [one] Esta versión tiene un requisito.
   *[other] Esta versión tiene { $count } requisitos.
} Cada uno enlaza con la sección en la que se encuentra. La misma lista puede descargarse como lista de verificación.
requirements-col-id = ID
requirements-col-level = Nivel
requirements-col-text = Requisito
requirements-col-section = Sección
requirements-csv = Lista de verificación (CSV)
requirements-json = Lista de verificación (JSON)
requirements-fallback = Aún sin traducir: se muestra el texto original.
requirements-outdated = El texto original cambió después de hacerse esta traducción.
pdf-requirements = Requisitos
pdf-page = Página
changes-title = Cambios de la versión { $from } a la { $to }
changes-link = Cambios desde la { $from }
changes-intro = Lo que cambió desde la versión { $from }: primero los requisitos y después el texto de cada sección modificada. Las palabras añadidas aparecen subrayadas y las eliminadas, tachadas.
changes-source-notice = Esta traducción no abarca por completo las dos versiones, por lo que los cambios se muestran en el texto original.
changes-requirements = Requisitos
changes-summary = Añadidos: { $added } · Eliminados: { $removed } · Redactados de nuevo: { $reworded } · Reforzados: { $strengthened } · Atenuados: { $weakened } · Trasladados: { $moved }
changes-unchanged-requirements = { $count ->
    [one] Un requisito no ha cambiado.
   *[other] { $count } requisitos no han cambiado.
}
changes-col-id = ID
changes-col-change = Cambio
changes-col-text = Texto
changes-added = Añadido
changes-removed = Eliminado
changes-reworded = Redactado de nuevo
changes-strengthened = Reforzado
changes-weakened = Atenuado
changes-reversed = Invertido
changes-moved = Trasladado
changes-redline = Texto modificado
changes-unchanged-sections = { $count ->
    [one] Una sección no ha cambiado.
   *[other] { $count } secciones no han cambiado.
}
changes-section-added = Sección nueva
changes-section-removed = Sección eliminada
changes-moved-here = Trasladado aquí desde «{ $section }»
changes-moved-away = Trasladado a «{ $section }»
changes-none = No ha cambiado nada.
changes-inserted = añadido
changes-deleted = eliminado
pdf-changes = Cambios desde la versión { $from }
changes-skipped = { $count ->
    [one] Un párrafo sin cambios
   *[other] { $count } párrafos sin cambios
}
# Language names as a sentence in this language says them ("translated into French").
language-name-en = inglés
language-name-pt-BR = portugués
language-name-es = español
language-name-fr = francés
language-name-ja = japonés
# What joins a label to what it labels ("Version history: Abuse Desk Operations").
label-separator = { ": " }
pager-label = Capítulo anterior y siguiente
cite-title = Cómo citar
cite-downloads = Descargar la referencia:
cite-text = { $authors }. { $title }. Versión { $version }{ $has_id ->
    [0] {""}
   *[other] {" "}({ $id })
}{ $translators_count ->
    [0] {""}
   *[other] , traducción de { $translators }
}. { $publisher }, { $date }. En { $language }. Disponible en { $url }
name-separator = { ", " }
cite-undated = s. f.

# Búsqueda (el cuadro de la cabecera y sus resultados).
search-label = Buscar
search-placeholder = Buscar en los documentos
search-close = Cerrar
search-document = Documento
search-all-documents = Todos los documentos
search-version = Versión
search-latest-versions = Versión más reciente
search-all-versions = Todas las versiones
search-none = No hay resultados.
search-too-short = Escriba al menos dos letras.
search-more = Mostrar más resultados
search-status-translation = Traducción
search-status-outdated = Traducción desactualizada
search-status-fallback = Aún sin traducir: original en { $source }
search-loading = Buscando…
search-failed = No se pudo cargar el índice de búsqueda.
search-count = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
search-offline = La búsqueda solo funciona cuando un servidor web sirve el sitio (por ejemplo, «bcop serve»), no al abrirlo como archivo.
