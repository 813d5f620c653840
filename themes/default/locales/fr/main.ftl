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
feed-link = Suivre les nouvelles versions (flux Atom)

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

caption-table = Tableau { $number }
caption-figure = Figure { $number }

lang-state-outdated = Traduction périmée
lang-state-unstamped = Traduit, pas encore estampillé

outdated-section = Le texte original de cette section a changé après cette traduction.
outdated-section-source = Cette section est affichée dans la langue d’origine : sa traduction n’est plus à jour.
outdated-section-link = Lire l’original actuel
outdated-abstract = Le résumé original a changé depuis cette traduction.
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
label-publisher = Éditeur
label-supersedes = Remplace
label-license = Licence
label-feedback = Commentaires
label-abstract = Résumé
pdf-contents = Table des matières
pdf-page-of = Page { $current } sur { $total }
pdf-draft = PROJET
pdf-fallback-document = Ce document n’a pas encore été traduit en { $language }. Son texte est la version originale en { $source }.
pdf-outdated-source = Section de l’original :
download-pdf = PDF ({ $size })
print-edition = Version imprimable
print-contents = Table des matières

# Mots-clés du BCP 14 et exigences
bcp14-absolute = exigence absolue (BCP 14 : DOIT, OBLIGATOIRE, DEVRA)
bcp14-prohibited = interdiction absolue (BCP 14 : NE DOIT PAS, NE DEVRA PAS)
bcp14-recommended = recommandé (BCP 14 : DEVRAIT, RECOMMANDÉ)
bcp14-not-recommended = déconseillé (BCP 14 : NE DEVRAIT PAS, NON RECOMMANDÉ)
bcp14-optional = facultatif (BCP 14 : PEUT, FACULTATIF)
bcp14-boilerplate = Les mots-clés « DOIT », « NE DOIT PAS », « OBLIGATOIRE », « DEVRA », « NE DEVRA PAS », « DEVRAIT », « NE DEVRAIT PAS », « RECOMMANDÉ », « NON RECOMMANDÉ », « PEUT » et « FACULTATIF » dans ce document doivent être interprétés comme décrit dans le BCP 14 (RFC 2119 et RFC 8174) lorsque, et seulement lorsque, ils apparaissent en majuscules, comme ici.
level-absolute = Doit
level-prohibited = Ne doit pas
level-recommended = Devrait
level-not-recommended = Ne devrait pas
level-optional = Peut
level-none = Sans mot-clé
requirements-title = Exigences
requirements-link = { $count ->
    [one] 1 exigence
   *[other] { $count } exigences
}
requirements-intro = { $count ->
    [one] Cette version comporte une exigence.
   *[other] Cette version comporte { $count } exigences.
} Chacune renvoie à la section où elle figure. La même liste peut être téléchargée comme liste de contrôle.
requirements-col-id = ID
requirements-col-level = Niveau
requirements-col-text = Exigence
requirements-col-section = Section
requirements-csv = Liste de contrôle (CSV)
requirements-json = Liste de contrôle (JSON)
requirements-fallback = Pas encore traduite : le texte original est affiché.
requirements-outdated = Le texte original a changé depuis cette traduction.
pdf-requirements = Exigences
pdf-page = Page
changes-title = Modifications de la version { $from } à la version { $to }
changes-link = Modifications depuis la { $from }
changes-intro = Ce qui a changé depuis la version { $from } : d’abord les exigences, puis le texte de chaque section modifiée. Les mots ajoutés sont soulignés, les mots supprimés sont barrés.
changes-source-notice = Cette traduction ne couvre pas entièrement les deux versions : les modifications sont donc présentées dans le texte original.
changes-requirements = Exigences
changes-summary = Ajoutées : { $added } · Supprimées : { $removed } · Reformulées : { $reworded } · Renforcées : { $strengthened } · Assouplies : { $weakened } · Déplacées : { $moved }
changes-unchanged-requirements = { $count ->
    [one] Une exigence est inchangée.
   *[other] { $count } exigences sont inchangées.
}
changes-col-id = ID
changes-col-change = Modification
changes-col-text = Texte
changes-added = Ajoutée
changes-removed = Supprimée
changes-reworded = Reformulée
changes-strengthened = Renforcée
changes-weakened = Assouplie
changes-reversed = Inversée
changes-moved = Déplacée
changes-redline = Texte modifié
changes-unchanged-sections = { $count ->
    [one] Une section est inchangée.
   *[other] { $count } sections sont inchangées.
}
changes-section-added = Nouvelle section
changes-section-removed = Section supprimée
changes-moved-here = Déplacée ici depuis « { $section } »
changes-moved-away = Déplacée vers « { $section } »
changes-none = Rien n’a changé.
changes-inserted = ajouté
changes-deleted = supprimé
pdf-changes = Modifications depuis la version { $from }
changes-skipped = { $count ->
    [one] Un paragraphe inchangé
   *[other] { $count } paragraphes inchangés
}
# Language names as a sentence in this language says them ("translated into French").
language-name-en = anglais
language-name-pt-BR = portugais
language-name-es = espagnol
language-name-fr = français
language-name-ja = japonais
# What joins a label to what it labels ("Version history: Abuse Desk Operations").
label-separator = { " : " }
pager-label = Chapitre précédent et suivant
cite-title = Citer ce document
cite-downloads = Télécharger la référence :
cite-text = { $authors }. { $title }. Version { $version }{ $has_id ->
    [0] {""}
   *[other] {" "}({ $id })
}{ $translators_count ->
    [0] {""}
   *[other] , traduit par { $translators }
}. { $publisher }, { $date }. En { $language }. Disponible à l’adresse : { $url }
name-separator = { ", " }
cite-undated = s. d.

# Recherche (le champ de l’en-tête et ses résultats).
search-label = Rechercher
search-placeholder = Rechercher dans les documents
search-close = Fermer
search-document = Document
search-all-documents = Tous les documents
search-version = Version
search-latest-versions = Dernière version
search-all-versions = Toutes les versions
search-none = Aucun résultat.
search-too-short = Tapez au moins deux lettres.
search-more = Afficher plus de résultats
search-status-translation = Traduction
search-status-outdated = Traduction à mettre à jour
search-status-fallback = Pas encore traduit : original en { $source }
search-loading = Recherche en cours…
search-failed = Impossible de charger l’index de recherche.
search-count = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-offline = La recherche ne fonctionne que si le site est servi par un serveur web (par exemple « bcop serve »), et non ouvert comme fichier.
