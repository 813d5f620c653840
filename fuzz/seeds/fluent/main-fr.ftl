# Thème par défaut de bcop : textes de l’interface en français.
# Traducteurs : conservez les clés ; ne modifiez que le texte après « = ».

skip-to-content = Aller au contenu
nav-label = Site
nav-home = Accueil
nav-documents = Documents
language-switcher-label = Langue
language-unavailable = Non disponible dans cette langue : ouvre la liste des documents
drafts-build = Aperçu du site : les brouillons sont inclus
footer-built-with = Réalisé avec bcop

home-choose-language = Choisissez votre langue
home-translated-count = { $count ->
    [0] Aucun document traduit pour l’instant
    [one] Un document disponible
   *[other] { $count } documents disponibles
}

catalog-title = Documents
catalog-intro = { $count ->
    [0] Aucun document de meilleures pratiques opérationnelles actuelles pour l’instant.
    [one] Un document de meilleures pratiques opérationnelles actuelles, avec toutes ses versions et traductions.
   *[other] { $count } documents de meilleures pratiques opérationnelles actuelles, avec toutes leurs versions et traductions.
}

label-status = Statut
label-latest-version = Dernière version
label-version = Version
label-date = Date
label-languages = Langues
label-authors = { $count ->
    [one] Auteur
   *[other] Auteurs
}
label-translators = { $count ->
    [one] Traducteur
   *[other] Traducteurs
}
versions-count = { $count ->
    [one] { $count } version
   *[other] { $count } versions
}

status-draft = Brouillon
status-published = Publié
status-superseded = Remplacé
status-withdrawn = Retiré

lang-state-source = Original
lang-state-complete = Traduit
lang-state-partial = Partiellement traduit
lang-state-missing = Non traduit

versions-title = Historique des versions
versions-all = Toutes les versions
version-switcher-label = Version
version-label = Version { $version }
version-latest = la plus récente

banner-draft = Ceci est un brouillon. Ce n’est pas un document approuvé et il peut changer à tout moment.
banner-withdrawn = Ce document a été retiré et ne doit plus être suivi.
banner-superseded = Cette version a été remplacée par la version { $latest }.
banner-older = Vous consultez une version antérieure. La version actuelle est la { $latest }.
banner-go-latest = Lire la version { $latest }

redirect-notice = La version la plus récente est la { $version }. Vous allez y être redirigé.

fallback-notice = Cette partie n’a pas encore été traduite en { $language }. Le texte ci-dessous est la version originale en { $source }.

chapters-title = Chapitres
toc-title = Sur cette page
chapter-previous = Précédent
chapter-next = Suivant

not-found-title = Page introuvable
not-found-text = La page demandée n’existe pas. Elle a peut-être été déplacée vers une autre version.

alert-note = Remarque
alert-tip = Astuce
alert-important = Important
alert-warning = Avertissement
alert-caution = Attention

lang-state-outdated = Traduction périmée
lang-state-unstamped = Traduit, pas encore estampillé

outdated-section = Le texte original de cette section a changé après cette traduction.
outdated-section-source = Cette section est affichée dans la langue d’origine : sa traduction n’est plus à jour.
outdated-section-link = Lire l’original actuel
outdated-added = { $count ->
    [one] Une section a été ajoutée à l’original après cette traduction :
   *[other] { $count } sections ont été ajoutées à l’original après cette traduction :
}
outdated-header = { $count ->
    [one] Une section de l’original a changé après cette traduction. Elle est signalée ci-dessous.
   *[other] { $count } sections de l’original ont changé après cette traduction. Elles sont signalées ci-dessous.
}

label-id = Identifiant
label-language = Langue
label-pdf = PDF
pdf-contents = Table des matières
pdf-page-of = Page { $current } sur { $total }
pdf-draft = PROJET
download-pdf = PDF ({ $size })
print-edition = Version imprimable
print-contents = Table des matières
