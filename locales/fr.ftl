# Messages français de l'application web Constellation (syntaxe Project
# Fluent). Chaque message ici doit aussi être dans en.ftl.

## Cadre

language-label = Langue
language-unavailable = { $language } n'a pas pu être chargé : connectez-vous une fois à Internet pour l'obtenir.
notice-view-only = Lecture seule : ce lien permet de lire la salle, pas de la modifier. Demandez le lien d'édition pour faire des changements.
notice-draft-unreadable = La copie de cette salle enregistrée sur cet appareil n'a pas pu être lue ({ $detail }) ; elle sera de nouveau récupérée.
notice-unreadable-message = Le relais a envoyé quelque chose que cet appareil n'a pas pu lire ({ $detail }) ; reconnexion en cours.
notice-changes-skipped = Certains changements de la salle ont été ignorés : { $detail }.
notice-relay-closed = Le relais a fermé la connexion : { $reason }
close-malformed = il n'a pas pu lire ce que cet appareil a envoyé
close-version = cette page est plus ancienne que le relais ; rechargez-la
close-not-allowed = il n'a pas accepté ce que cet appareil a envoyé
close-write-refused = ce lien permet de lire la salle, pas de la modifier
close-idle = rien n'est venu de cet appareil depuis trop longtemps
close-too-large = une modification ou un message était trop grand
close-too-many = trop de messages à la fois
close-full = la salle n'a plus de place pour une autre connexion pour l'instant
notice-storage-pressure = Le stockage de Constellation sur cet appareil est plein à { $percent } %. Restez en ligne pour que le relais garde vos changements, ou libérez de la place.
notice-storage-full = Le stockage de cet appareil est plein : les derniers changements ne sont pas enregistrés ici. Libérez de la place, ou restez en ligne pour que le relais les garde.
notice-storage-unavailable = Les changements ne peuvent pas être enregistrés sur cet appareil ({ $detail }) ; ils ne sont gardés que tant que la page est ouverte.
not-found-title = Page introuvable
not-found-body = Cette adresse ne fait pas partie de Constellation.
go-to-start = Aller à la page d'accueil

## Page d'accueil

landing-lede = La planification ouverte pour les coalitions : une salle partagée pour le mur d'idées, les objectifs que vous mesurez ensemble, les engagements de chaque partenaire et le réseau qui vous relie.
landing-you = Vous
landing-your-name = Votre nom
landing-name-hint = Visible des autres dans une salle. Mémorisé sur cet appareil.
landing-start = Commencer
landing-create = Créer une salle
landing-create-hint = Chaque nouvelle salle a son propre lien secret ; seules les personnes à qui vous le donnez peuvent la lire.
landing-join-heading = Rejoindre une salle
landing-code = Code ou lien de la salle
landing-join = Rejoindre

## Cadre d'une salle

room-fallback-name = Salle { $id }
room-unknown = Salle inconnue
status-offline = Hors ligne
status-syncing = Synchronisation
status-online = En ligne
room-sections = Sections de la salle
section-board = Tableau
section-goals = Objectifs
section-network = Réseau
section-commitments = Engagements
room-link-broken = Ce lien de salle ne fonctionne pas
room-no-key = Ce lien n'a pas de clé de salle : le contenu de la salle ne peut pas être lu ici. Demandez le lien complet (il se termine par #k=…).
here-count = { $count ->
    [one] { $count } présent
   *[other] { $count } présents
}
participants = Participants
participant-you = Vous
participant-me = { $name } (vous)
participant-guest = Invité
embed-watchers = { $count ->
    [one] Suivi aussi par 1 vue intégrée à un site web
   *[other] Suivi aussi par { $count } vues intégrées à des sites web
}

## Tableau

board-no-key = Ce lien n'a pas de clé de salle : le tableau ne peut pas être ouvert.
board-opening = Ouverture de la salle…
board-first-name = Idées
undone = Action défaite.
redone = Action refaite.
note-empty-short = note vide
boards-nav = Tableaux
board-default-name = Tableau { $n }
board-add = Ajouter un tableau
board-name = Nom du tableau
save-name = Enregistrer
cancel = Annuler
board-deleted = Tableau « { $name } » supprimé.
undo = Défaire
redo = Refaire
dismiss = Fermer
board-this = Ce tableau
board-rename = Renommer le tableau
board-move-left = Déplacer le tableau vers la gauche
board-move-right = Déplacer le tableau vers la droite
board-delete = Supprimer le tableau
cluster-new = Nouveau groupe
vote-allowance-error = Le nombre de votes par personne doit être un entier de 0 à { $max }.
board-tools = Outils du tableau
board-view = Affichage
mode-canvas = Canevas
mode-list = Liste
mode-ranked = Classement
note-add = Ajouter une note
more-tools = Plus d'outils
votes-left = { $remaining ->
    [one] { $remaining } vote restant sur { $allowance }
   *[other] { $remaining } votes restants sur { $allowance }
}
cluster-add = Ajouter un groupe
zoom = Zoom
zoom-out = Zoom arrière
zoom-in = Zoom avant
zoom-fit = Tout afficher
votes-per-person = Votes par personne
selection = Sélection
panel-hint = Sélectionnez une note pour changer sa couleur, la relier, voter pour elle ou la supprimer. Ajoutez un groupe pour rassembler des notes : celles déposées dedans lui appartiennent et se déplacent avec lui.
link-target-missing = Choisissez la note vers laquelle pointe le lien.
link-added = Lien ajouté.
note-gone = Cette note a été supprimée.
note = Note
note-by = Par { $author }
anonymous = Anonyme
note-edit-text = Modifier le texte
colour = Couleur
color-yellow = Jaune
color-pink = Rose
color-blue = Bleu
color-green = Vert
color-orange = Orange
color-purple = Violet
votes = Votes
votes-summary = { $total } au total, dont { $mine } de vous
vote-for = Voter pour { $name }
vote = Voter
vote-remove-from = Retirer mon vote de { $name }
vote-remove = Retirer mon vote
links = Liens
link-remove-named = Retirer le lien { $text }
remove = Retirer
link-to = Relier à
link-choose = Choisir une note…
link-label = Libellé du lien (facultatif)
link-add = Ajouter le lien
note-deleted-undo = Note { $name } supprimée. « Défaire » la rétablit.
note-deleted-ctrl-z = Note { $name } supprimée. Ctrl+Z la rétablit.
note-delete = Supprimer la note
cluster-gone = Ce groupe a été supprimé.
cluster = Groupe
cluster-label = Nom du groupe
cluster-members = { $count ->
    [0] Aucune note pour l'instant : faites-en glisser dedans.
    [one] { $count } note dedans.
   *[other] { $count } notes dedans.
}
cluster-deleted = Groupe supprimé ; ses notes restent sur le tableau.
cluster-delete = Supprimer le groupe
group-unnamed = Groupe sans nom
group-none = Hors groupe
notes-none = Pas encore de notes. Ajoutez la première.
notes = Notes
note-text = Texte de la note
note-placeholder = Écrivez votre idée
vote-count = { $count ->
    [0] {""}
    [one] { $count } vote
   *[other] { $count } votes
}
note-delete-named = Supprimer la note { $name }
delete = Supprimer
ranked-heading = Classement par votes
voters = { $count ->
    [0] Personne n'a encore voté.
    [one] { $count } personne a voté.
   *[other] { $count } personnes ont voté.
}
ranked-notes = Notes classées
rank = Rang { $rank }
note-empty = Note vide
export-nothing = Il n'y a pas encore de tableau à exporter.
imported = { $name } importé comme nouveau tableau.
files = Fichiers
export-svg = Exporter en SVG
export-png = Exporter en PNG
export-json = Exporter en JSON
import-json = Importer du JSON
png-failed = Ce navigateur n'a pas pu créer le PNG ; exportez plutôt en SVG.
canvas-label = Canevas du tableau
canvas-help = Faites glisser un espace vide pour vous déplacer ; la molette, le pincement et les touches plus et moins zooment ; 0 affiche la taille réelle. Double-cliquez ou touchez deux fois un espace vide pour ajouter une note. Sur une note : Entrée modifie son texte, les flèches la déplacent.
canvas-empty = Double-cliquez ou touchez deux fois n'importe où pour ajouter une note, ou utilisez « Ajouter une note ».
note-named = Note : { $name }
cluster-named = Groupe : { $name }
cluster-resize = Redimensionner le groupe { $name }
zoom-level = { $percent } %

## Plan : libellés, aides et boutons

p-a-report-or-photo-online-https = Un rapport ou une photo en ligne (https://…)
p-add-commitment = Ajouter un engagement
p-add-measurement = Ajouter une mesure
p-amount = Quantité
p-baseline-date = Date de référence
p-baseline-value = Valeur de référence
p-brands-the-mission-like-cleanriver2030 = Porte la mission, comme #RivierePropre2030
p-check-in = Faire le point
p-check-ins = Points d'étape
p-cycle-stage = Étape du cycle
p-data-source = Source des données
p-date = Date
p-delivered-so-far = Livré jusqu'ici
p-direction = Sens
p-due-date = Échéance
p-end-date = Date de fin
p-evidence-link = Lien vers une preuve
p-experiment-title = Titre de l'expérience
p-for-example-xm-dac-47015-or-xi-iati-with = Par exemple XM-DAC-47015, ou XI-IATI-… sans numéro d'enregistrement
p-from = Du
p-goal-tree = Arbre des objectifs
p-hashtag = Mot-dièse
p-hours-eur-data-sets = Heures, EUR, jeux de données…
p-households-tonnes = Ménages, %, tonnes…
p-hypothesis = Hypothèse
p-iati-organization-identifier = Identifiant d'organisation IATI
p-if-we-do-this-we-expect-that = Si nous faisons ceci, nous nous attendons à ce que…
p-indicators = Indicateurs
p-kind = Nature
p-measure-type = Type de mesure
p-name = Nom
p-new-task = Nouvelle tâche
p-note = Note
p-one-name-per-line = Un nom par ligne
p-one-task-per-line = Une tâche par ligne
p-organization = Organisation
p-organization-type = Type d'organisation
p-parent-goal = Objectif parent
p-participant = Participant
p-partners = Partenaires
p-population = Population
p-problems-in-the-file = Problèmes dans le fichier
p-prototype-experiments = Expériences prototypes
p-proxy = Indicateur indirect
p-question = Question
p-reporting-organization = Organisation qui rapporte
p-responses = Réponses
p-role = Rôle
p-role-holders = Titulaires des rôles
p-source = Source
p-stands-in-for-something-that-cannot-be-m = Remplace ce qui ne peut pas être mesuré directement
p-start-date = Date de début
p-start-experiment = Lancer l'expérience
p-statement = Énoncé
p-status = Statut
p-target-date = Date cible
p-target-value = Valeur cible
p-tasks = Tâches
p-team-organizations = Équipe : organisations
p-team-people = Équipe : personnes
p-text = Texte
p-title = Titre
p-to = Au
p-toward-goal-or-indicator = Pour l'objectif ou l'indicateur
p-unit = Unité
p-value = Valeur
p-what-is-promised = Ce qui est promis
p-what-is-put-in = Ce qui est apporté
p-what-was-done-since-the-last-check-in = Ce qui a été fait depuis le dernier point
p-what-was-learned = Ce qui a été appris
p-where-it-applies = Le cas échéant
p-who-or-what-the-goal-is-about = Qui ou quoi l'objectif concerne

## Engagements

commitments-lede = Ce que chaque partenaire a promis, ce qu'il a livré, et qui ne donne plus de nouvelles.
commitments-all = Tous les engagements
commitments-none = Pas encore d'engagements.
accountability-heading = Redevabilité par partenaire
accountability-none = Les partenaires apparaissent ici dès qu'ils s'engagent ou rapportent une mesure.
report-never = Aucun rapport
report-days = { $days ->
    [0] Dernier rapport aujourd'hui
    [1] Dernier rapport hier
   *[other] Dernier rapport il y a { $days } jours
}
amount-delivered = { $kind } : { $delivered } sur { $promised } { $unit } livrés
tally-big = { $delivered } sur { $promised }
tally-rest = engagements tenus (tenus : { $met }, en partie : { $partly }, ouverts : { $open }, non tenus : { $notmet })
overdue-none = Rien en retard
overdue-count = { $count } en retard
overdue-item = { $description } (échéance { $due })
gone-quiet = Silencieux
target-choose = Choisir un objectif ou un indicateur
target-goal = Objectif : { $title }
target-indicator = Indicateur : { $name } ({ $goal })
toward-indicator = Indicateur : { $name }
toward-missing = Choisissez l'objectif ou l'indicateur que sert cet engagement.
toward-deleted = Son objectif ou indicateur a été supprimé
commitment-new = Nouvel engagement
commitment-due = Échéance : { $date }
commitment-status = Statut : { $status }
overdue = En retard
status-save = Enregistrer le statut
commitment-delete-confirm = Supprimer cet engagement et ses points d'étape ?
commitment-delete = Supprimer l'engagement
response-line = { $kind ->
    [acknowledgement] { $who } a accusé réception le { $date }
    [question] { $who } a posé une question le { $date }
   *[answer] { $who } a répondu le { $date }
}
evidence = Preuve
acknowledge = Accuser réception
ask-question = Poser une question
send-question = Envoyer la question
roles = Rôles
role-remove = Retirer le rôle { $role } à { $name }
role-give = Attribuer le rôle
status-planned = prévu
status-in_progress = en cours
status-met = tenu
status-partially_met = partiellement tenu
status-not_met = non tenu
kind-staff_time = temps de travail
kind-money = argent
kind-data = données
kind-venue = lieu
kind-expertise = expertise
kind-other = autre
role-initiator = initiateur
role-facilitator = facilitateur
role-program_manager = responsable de programme
role-media_director = directeur des médias
role-media_liaison = chargé des relations médias
role-subject_matter_expert = expert du sujet
role-enabler_broker = catalyseur/intermédiaire

## Problèmes de formulaire

problem-required = Le champ « { $field } » est obligatoire.
problem-too-long = Le champ « { $field } » contient au plus { $max } caractères ; celui-ci en a { $length }.
problem-not-a-date = Le champ « { $field } » doit être une date écrite AAAA-MM-JJ (par exemple 2030-12-31), trouvé « { $found } ».
problem-not-a-number = Le champ « { $field } » doit être un nombre (comme 12 ou 12.5), trouvé « { $found } ».
problem-not-finite = Le champ « { $field } » doit être un nombre fini.
problem-negative = Le champ « { $field } » ne peut pas être négatif, trouvé { $found }.
problem-not-yes-no = Le champ « { $field } » doit valoir oui ou non, trouvé « { $found } ».
problem-not-a-link = Le champ « { $field } » doit être un lien web commençant par https:// ou http://, trouvé « { $found } ».
field-title = titre
field-statement = énoncé
field-hashtag = mot-dièse
field-population-or-result = population ou résultat
field-start-date = date de début
field-end-date = date de fin
field-parent-goal = objectif parent
field-indicator-name = nom de l'indicateur
field-unit = unité
field-baseline-value = valeur de référence
field-baseline-date = date de référence
field-target-value = valeur cible
field-target-date = date cible
field-data-source = source des données
field-value = valeur
field-date = date
field-source = source
field-reporting-organization = organisation qui rapporte
field-note = note
field-experiment-title = titre de l'expérience
field-hypothesis = hypothèse
field-what-was-learned = ce qui a été appris
field-team-member = membre de l'équipe
field-task = tâche
field-record = enregistrement
field-organization = organisation
field-description-of-what-is-promised = description de ce qui est promis
field-amount = quantité
field-goal-or-indicator = objectif ou indicateur
field-due-date = échéance
field-date-the-commitment-was-made = date de l'engagement
field-status-date = date du statut
field-amount-delivered = quantité livrée
field-name-of-who-reports = nom de qui rapporte
field-text = texte
field-evidence-link = lien vers une preuve
field-participant-name = nom du participant

## Objectifs et indicateurs

goals-lede = Les objectifs de la mission, comment chacun est mesuré et où il en est.
goals-none = Pas encore d'objectifs. Ajoutez d'abord la mission.
goal-add = Ajouter un objectif
goal-save = Enregistrer l'objectif
goal-new = Nouvel objectif
goal-edit = Modifier l'objectif
goal-delete = Supprimer l'objectif
goal-delete-confirm = Supprimer l'objectif « { $title } » avec ses indicateurs, mesures et expériences ?
goal-status = État de l'objectif : { $status }
goal-under = Sous { $title }
goal-dates = Du { $start } au { $end }
goal-parent-none = Aucun : c'est une mission
level-mission = Mission
level-objective = Objectif
level-sub-objective = Sous-objectif
status-on-track = En bonne voie
status-at-risk = À risque
status-off-track = En retard sur le cap
status-no-data = Pas encore d'état
fact-hashtag = Mot-dièse
fact-population = Population
fact-dates = Dates
open-data = Données ouvertes
open-data-hint = Objectifs, indicateurs, mesures et engagements en fichiers lisibles par d'autres outils. Chaque indicateur a aussi son propre CSV (format Open SDG).
iati-settings = Réglages IATI
export-iati = Exporter en XML IATI
export-csv = Exporter en CSV
org-type-10 = Administration publique
org-type-21 = ONG internationale
org-type-22 = ONG nationale
org-type-23 = ONG régionale
org-type-70 = Secteur privé
org-type-80 = Enseignement, formation et recherche
org-type-90 = Autre
indicators-none = Pas encore d'indicateur : comment saurez-vous que cet objectif est atteint ?
indicator-add = Ajouter un indicateur
indicator-save = Enregistrer l'indicateur
indicator-new = Nouvel indicateur
indicator-edit = Modifier l'indicateur
indicator-delete = Supprimer l'indicateur
indicator-delete-confirm = Supprimer l'indicateur « { $name } » et ses mesures ?
measurement-add = Ajouter une mesure
measurement-new = Nouvelle mesure de { $name }
direction-higher = Plus c'est haut, mieux c'est
direction-lower = Plus c'est bas, mieux c'est
measure-number = Nombre
measure-percentage = Pourcentage
measure-yes-no = Oui/non
measure-qualitative = Qualitatif
trend-improving = en amélioration
trend-steady = stable
trend-worsening = en dégradation
trend-unknown = pas encore connue
indicator-unit = unité : { $unit }
indicator-proxy = indirect
data-source = Source des données : { $source }
progress-toward = { $percent } du chemin vers { $target } d'ici le { $date }
progress = { $percent } du chemin
value-on-date = { $value } le { $date }
reason-qualitative = Un indicateur qualitatif n'a pas d'état calculé.
reason-no-baseline = Pas encore de valeur de référence : ajoutez-en une pour calculer un état.
reason-no-target = Pas encore de cible : ajoutez-en une pour calculer un état.
reason-no-measurement = Pas encore de mesure.
reason-reached = La cible { $target } prévue pour le { $date } est atteinte.
reason-deadline-passed = La cible { $target } était attendue le { $date } et n'est pas atteinte.
reason-awaiting-yes = Pas encore réalisé ; { $percent } du temps jusqu'au { $date } est écoulé.
reason-not-held = Le niveau { $target } devrait être maintenu et ne l'est pas.
reason-ahead = En avance sur la trajectoire (attendu : { $expected }) vers { $target } d'ici le { $date }.
reason-behind = En retard de { $percent } sur la trajectoire (attendu : { $expected }) vers { $target } d'ici le { $date }.
status-line = État : { $status }
fact-progress = Avancement
fact-trend = Tendance
fact-latest = Dernière mesure
fact-expected = Attendu à ce jour
target-n = Cible { $n }
target-remove = Retirer la cible { $n }
target-add = Ajouter une cible
hint-number = Un nombre, comme 12 ou 12.5
hint-percentage = Un pourcentage, comme 45 ou 45%
hint-yes-no = Oui ou non
hint-text = Un texte court
csv-import = Importer des mesures (CSV)
csv-hint = Colonnes : date (ou année), valeur ; facultatives : source, organisation, note. Rien n'est appliqué tant qu'une ligne est invalide.
csv-imported = { $count } mesure(s) importée(s) depuis { $name }{ $skipped ->
    [0] {""}
   *[other] {" "}({ $skipped } déjà enregistrée(s), ignorée(s))
}.
csv-refused = Rien n'a été importé depuis { $name } : { $total ->
    [one] { $total } problème
   *[other] { $total } problèmes
} à corriger d'abord dans le fichier.
csv-more = …et { $count } de plus.

## Presenter mode and the board lock (src/presenter/, src/board/)
present = Présenter
presenter-heading = Présentation
presenter-back = Retour à la salle
presenter-join = Rejoindre cette salle
presenter-qr = Code QR pour rejoindre cette salle
presenter-count = { $count ->
    [one] { $count } participant présent
   *[other] { $count } participants présents
}
presenter-facilitation = Animation
board-locked = Le tableau est verrouillé pendant le décompte des votes.
presenter-unlocked = Le tableau est ouvert aux notes et aux votes.
presenter-lock = Verrouiller le tableau
presenter-unlock = Déverrouiller le tableau
presenter-no-session = Aucune séance commencée : le bilan couvre toute la salle.
presenter-session-since = Séance commencée à { $time }.
presenter-start-session = Commencer la séance
presenter-restart-session = Commencer une nouvelle séance
presenter-readout = Bilan de la séance
presenter-top-notes = Notes les plus votées
presenter-no-votes = Aucun vote pour l'instant.
presenter-new-commitments = Nouveaux engagements
presenter-network-changes = Évolution du réseau
presenter-none-yet = Rien de nouveau pour l'instant.
presenter-new-organization = Nouvelle organisation : { $name }
presenter-new-person = Nouvelle personne : { $name }
presenter-new-tie = { $from } travaille désormais avec { $to }
presenter-readout-text = À lire à voix haute
presenter-copy = Copier le bilan
presenter-copied = Bilan copié.
presenter-text-no-votes = Aucun vote n'a été compté.
presenter-text-note = « { $text } » ({ $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
})
presenter-text-top = Notes les plus votées : { $notes }.
presenter-text-commitments = { $count ->
    [0] Aucun nouvel engagement.
    [one] { $count } nouvel engagement :
   *[other] { $count } nouveaux engagements :
}
presenter-text-network = Le réseau s'est enrichi de { $organizations ->
    [one] { $organizations } organisation
   *[other] { $organizations } organisations
}, { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
} et { $ties ->
    [one] { $ties } lien
   *[other] { $ties } liens
}.
presenter-text-commitment = { $organization } ({ $description })
presenter-text-commitment-list = { $list }.
presenter-copy-refused = Ce navigateur ne permet pas de copier ici : sélectionnez le bilan et copiez-le.
timer-heading = Minuteur
timer-minutes = Minutes
timer-minutes-error = Les minutes doivent être un nombre supérieur à 0 et au plus 600, comme 5 ou 2,5.
timer-start = Démarrer le minuteur
timer-pause = Mettre le minuteur en pause
timer-reset = Réinitialiser le minuteur
timer-left = Temps restant
timer-ended = Le temps est écoulé.
timer-local = Le minuteur ne tourne que sur cet écran.

## Expériences

phase-communicate = Communiquer
phase-negotiate = Négocier
phase-act = Agir
phase-learn = Apprendre
experiment-add = Ajouter une expérience
experiment-new = Nouvelle expérience prototype
member-organization = { $name } (organisation)
experiment-stage = Étape : { $stage }
experiment-hypothesis = Hypothèse :
experiment-team = Équipe :
experiment-advance = Passer à « { $stage } »
task-add = Ajouter la tâche
learned-save = Enregistrer ce qui a été appris
experiment-delete = Supprimer l'expérience

## Graphique d'un indicateur

chart-data-table = Tableau des données : { $name }
chart-caption = { $name } : référence, cibles et mesures
chart-title = { $name } : référence, cibles et mesures dans le temps
chart-date = Date
chart-what = Quoi
chart-value = Valeur
chart-value-unit = Valeur ({ $unit })
chart-reported-by = Rapporté par
chart-actions = Actions
chart-row-baseline = Référence
chart-row-target = Cible
chart-row-measurement = Mesure
chart-delete-measurement = Supprimer la mesure { $value } du { $date }
chart-desc-baseline = Référence { $value } le { $date }
chart-desc-target = cible { $value } d'ici le { $date }
chart-desc-latest = { $count ->
    [one] { $count } mesure
   *[other] { $count } mesures
}, la dernière { $value } le { $date }
chart-desc-none = pas encore de mesure
chart-empty = Le graphique apparaît dès qu'il y a une référence, une cible ou une mesure.
chart-key-baseline = Référence
chart-key-target = Cible
chart-key-trajectory = Trajectoire
chart-key-measurements = Mesures

## Bilan

digest = Bilan
digest-hint = Ce qui s'est passé sur une période : changements d'état, mesures, engagements pris, tenus et en retard, points d'étape.
digest-bad-date = La date « { $name } » doit être écrite AAAA-MM-JJ, trouvé « { $found } ».
digest-from = Du
digest-to = Au
digest-copied = Le Markdown est copié.
digest-print-refused = Ce navigateur n'a pas voulu imprimer le bilan.
digest-not-ready = Le bilan imprimable n'est pas encore prêt.
digest-markdown = Bilan en Markdown
digest-copy = Copier le Markdown
digest-download-md = Télécharger le Markdown
digest-download-html = Télécharger le HTML
digest-print = Imprimer le bilan
digest-printable = Bilan imprimable

digest-doc-title = Bilan d'avancement : { $title }
digest-doc-title-none = Bilan d'avancement de la coalition
digest-doc-period = Du { $from } au { $to }
digest-doc-status-changes = Objectifs dont l'état a changé ({ $count })
digest-doc-measurements = Nouvelles mesures ({ $count })
digest-doc-new-commitments = Nouveaux engagements ({ $count })
digest-doc-met = Engagements tenus ({ $count })
digest-doc-overdue = En retard à la fin de la période ({ $count })
digest-doc-check-ins = Points d'étape ({ $count })
digest-doc-empty-status-changes = Aucun objectif n'a changé d'état.
digest-doc-empty-measurements = Aucune mesure n'est datée de cette période.
digest-doc-empty-new-commitments = Aucun engagement n'a été pris pendant cette période.
digest-doc-empty-met = Aucun engagement n'a été tenu pendant cette période.
digest-doc-empty-overdue = Rien n'est en retard.
digest-doc-empty-check-ins = Aucun partenaire n'a fait de point d'étape pendant cette période.
digest-doc-yes = oui
digest-doc-no = non
digest-doc-kind = {" ("}{ $kind }{") : "}
digest-doc-status-change = {" : "}{ $before } → { $after }
digest-doc-date-sep = {" · "}
digest-doc-amount-sep = {" — "}
digest-doc-due = , échéance le { $date }
digest-doc-met-on = {" ; tenu le "}{ $date }
digest-doc-days-late = {" ("}{ $days ->
    [one] { $days } jour
   *[other] { $days } jours
} de retard à la fin de la période)
digest-doc-due-last-day = {" (dû le dernier jour, non livré)"}
digest-doc-goal-open = {" ("}
digest-doc-goal-close = {") : "}
digest-doc-reported-by = {", transmise par "}
digest-doc-checked-in-on = {" sur "}
digest-doc-check-in-text = {" : "}
digest-doc-responses = {" ("}{ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
})
digest-doc-evidence = justificatif
## Liens de salle

link-bad-room-id = un code de salle compte 43 lettres, chiffres, « - » ou « _ » (22 pour les salles créées avant les liens en lecture seule) ; trouvé « { $found } »
link-bad-write-key = la clé d'écriture du lien est abîmée (43 lettres, chiffres, « - » ou « _ » attendus après « w= »)
link-write-key-mismatch = la clé d'écriture du lien n'appartient pas à cette salle ; redemandez le lien de modification
link-bad-room-key = la clé de salle du lien est abîmée (43 lettres, chiffres, « - » ou « _ » attendus après « #k= »)
link-no-room = aucun code de salle trouvé dans « { $input } » : collez le lien de la salle ou son code

## Dialogue Partager, codes de salle et demande du nom (src/share/)

share = Partager
share-title = Partager cette salle
share-close = Fermer
share-copy = Copier
share-copied = Copié.
share-copy-by-hand = Texte sélectionné : appuyez sur Ctrl+C (ou ⌘C) pour le copier.
share-edit-link = Lien de modification
share-view-link = Lien en lecture seule
share-room-link = Lien de la salle
share-copy-edit-link = Copier le lien de modification
share-copy-view-link = Copier le lien en lecture seule
share-copy-room-link = Copier le lien de la salle
share-access-edit = Toute personne qui a le lien de modification peut changer la salle : ne le donnez qu'aux personnes qui planifient avec vous. Le lien en lecture seule permet de lire et de suivre : le relais refuse toute modification envoyée avec ce lien.
share-access-view = Vous avez ouvert un lien en lecture seule : vous pouvez lire la salle et transmettre ce lien, mais vous ne pouvez rien y modifier.
share-access-open = Cette salle a été créée avant les liens en lecture seule : toute personne qui a son lien peut la lire et la modifier. Pour une salle que vous pouvez partager en lecture seule, créez une nouvelle salle.
share-qr-heading = Code QR
share-qr-of-edit = Code QR du lien de modification
share-qr-of-view = Code QR du lien en lecture seule
share-qr-of-room = Code QR du lien de la salle
share-embed-heading = Intégrer dans une page web
share-embed-show = Afficher
share-embed-code = Code d'intégration
share-copy-embed = Copier le code d'intégration
share-embed-note = Les intégrations utilisent toujours le lien en lecture seule : les visiteurs de la page peuvent lire, jamais modifier.
share-embed-network = Carte du réseau
share-embed-accountability = Redevabilité
share-embed-goal = Objectif : { $title }
view-only = Lecture seule
view-only-hint = Ce lien permet de lire la salle, pas de la modifier.
view-only-notice = Lecture seule : ce lien permet de lire la salle, pas de la modifier.
code-heading = Code de salle
code-intro = Un code court à saisir sur la page d'accueil (« { landing-code } ») à la place du lien. Il est valable 24 heures, ou jusqu'à ce que vous le retiriez.
code-opens = Le code ouvre
code-opens-view = le lien en lecture seule
code-opens-edit = le lien de modification
code-make = Créer un code de salle
code-making = Création du code…
code-label = Code de salle
code-copy = Copier le code de salle
code-valid-until = Valable jusqu'au { $time }.
code-withdraw = Retirer le code
code-withdrawing = Retrait du code…
code-withdrawn = Le code { $code } n'ouvre plus la salle.
code-no-relay = Le relais est injoignable : le code n'a pas pu être enregistré. Réessayez une fois en ligne.
code-no-such = Aucune salle n'a ce code. Vérifiez-le ou demandez-en un nouveau (un code est valable 24 heures).
code-too-many = Trop de codes ont été essayés depuis ce réseau : patientez une minute, puis réessayez.
code-no-crypto = Ce navigateur ne peut pas calculer la clé du code (WebCrypto manque ; la page doit être servie en HTTPS).
name-prompt-heading = Avant d'entrer
name-prompt-intro = Dites aux autres participants de cette salle qui vous êtes.
name-prompt-hint = Visible des autres participants de cette salle. Mémorisé sur cet appareil.
name-prompt-join = Entrer
name-prompt-skip = Passer
name-prompt-needed = Saisissez un nom, ou choisissez « Passer » pour entrer sans nom.

## Listes, secteurs, types de liens (mots partagés)

list-and = { $head } et { $last }
list-semicolon = {" ; "}
sector-government = secteur public
sector-business = secteur privé
sector-civil-society = société civile
sector-other = autre secteur
sector-none = Sans organisation
tie-collaborates = collabore avec
tie-knows = connaît
tie-funds = finance
tie-governs = encadre
tie-other = autre lien

## Réseau : panneau de détails, tableau et bilan de santé (src/network_view/)

net-details = Détails
net-details-hint = Sélectionnez une personne ou une organisation sur la carte ou dans le tableau pour voir ses liens et ses mesures.
net-gone = Cette entrée ne fait plus partie du réseau.
net-kind-org = Organisation · { $sector } · { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}
net-kind-person-at = Membre de { $organization } ({ $sector })
net-kind-person-alone = Personne sans organisation
net-describe-org = { $name } (organisation, { $sector })
net-m-tied-organizations = Organisations liées
net-m-ties = Liens
net-m-degree = Degré
net-m-betweenness = Intermédiarité
net-m-weighted-betweenness = Intermédiarité pondérée par la confiance
net-m-closeness = Proximité
net-m-eigenvector = Centralité de vecteur propre
net-m-constraint = Contrainte
net-m-effective-size = Taille effective
net-m-brokerage = Courtage entre secteurs
net-hl-none = Rien
net-hl-connectors = Principaux passeurs
net-hl-heterarchies = Hétérarchies
net-hl-silos = Silos
net-hl-cut-points = Points de rupture
net-role-coordinator = coordination
net-role-gatekeeper = gardien
net-role-representative = représentation
net-role-itinerant = itinérant
net-role-liaison = liaison
net-role-count = { $role } : { $count }
net-roles-none = aucun
net-brokerage-sectors = Courtage entre secteurs :
net-brokerage-organizations = Courtage entre organisations :
net-ties-heading = Liens ({ $count })
net-tie-line = { $kind } { $other }, confiance { $trust }
net-tie-line-to = { $kind } (vers) { $other }, confiance { $trust }
net-tie-line-from = { $kind } (depuis) { $other }, confiance { $trust }
net-remove = Retirer
net-remove-tie = Retirer le lien : { $tie }
net-whatif-org = Et si cette organisation partait ?
net-whatif-person = Et si cette personne partait ?
net-delete-org = Supprimer l'organisation
net-delete-person = Supprimer la personne
net-deleted = Supprimé.
net-pair = { $a } et { $b }
net-whatif-none = Rien ne se coupe : tous les autres restent en contact.
net-whatif-lost = { $count ->
    [one] { $count } paire d'organisations perd le contact
   *[other] { $count } paires d'organisations perdent le contact
} : { $pairs }.
net-whatif-pieces = Le reste se divise en { $count } groupes séparés.
net-whatif-sectors = Plus aucun contact entre { $pairs }.
net-tie-from-missing = De : choisissez une personne ou une organisation.
net-tie-to-missing = Vers : choisissez une personne ou une organisation.
net-tie-trust-invalid = Confiance : indiquez un nombre entier de 1 à 5.
net-health = Santé du réseau
net-empty = Personne n'est encore sur la carte. Ajoutez-vous avec la saisie rapide ci-dessus.
net-analyzing = Analyse en cours…
net-updating = Mise à jour après les derniers changements…
net-table-heading = Personnes et organisations
net-table-caption = Personnes et organisations avec leurs mesures ; les boutons de colonne trient le tableau
net-col-type = Type
net-type-organization = organisation
net-type-person = personne
net-rows = Lignes { $first } à { $last } sur { $total }
net-rows-previous = Lignes précédentes
net-rows-next = Lignes suivantes
net-level-short-senior = senior
net-level-short-mid = intermédiaire
net-level-short-junior = junior
net-person-of = { $name } ({ $organization })
net-sector-count = { $sector } : { $count }
net-why-sectors = relie { $count } secteurs ({ $sectors })
net-why-highest-betweenness = plus forte intermédiarité du réseau ({ $value })
net-why-betweenness = intermédiarité { $value }
net-why-low-constraint = contrainte faible ({ $value })
net-why-mid-level = personnel intermédiaire ou junior
net-sum-size = Le réseau compte { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}, { $organizations ->
    [one] { $organizations } organisation
   *[other] { $organizations } organisations
} et { $ties ->
    [one] { $ties } lien
   *[other] { $ties } liens
}.
net-sum-too-small = Ajoutez des personnes et des liens pour voir comment la coalition est reliée.
net-sum-density = Densité : { $density } ; { $percent } des liens possibles entre personnes existent.
net-sum-connected = Tout le monde est relié : deux personnes sont en moyenne à { $steps } étapes l'une de l'autre, et au plus à { $diameter }.
net-sum-fragmented = Les personnes forment { $groups ->
    [one] { $groups } groupe relié qui n'atteint pas les autres
   *[other] { $groups } groupes séparés qui ne s'atteignent pas
} ; le plus grand réunit { $largest } personnes sur { $people }, en moyenne à { $steps } étapes les unes des autres.
net-sum-isolated = { $count ->
    [one] { $count } personne n'a
   *[other] { $count } personnes n'ont
} encore aucun lien.
net-sum-connectors = { $count ->
    [one] Le principal passeur est
   *[other] Les principaux passeurs sont
} { $names }.
net-sum-why = Pourquoi { $name } : { $reasons }.
net-sum-mid-level = { $names } { $count ->
    [one] fait partie du personnel intermédiaire ou junior : un passeur
   *[other] font partie du personnel intermédiaire ou junior : des passeurs
} qu'un organigramme ne montrerait pas.
net-sum-no-connectors = Personne ne relie encore des organisations ou des secteurs différents.
net-sum-no-heterarchy = Pas encore d'hétérarchie : aucun trio d'organisations de secteurs différents n'est relié avec une confiance d'au moins { $trust }.
net-sum-heterarchies = { $count ->
    [one] { $count } hétérarchie trouvée
   *[other] { $count } hétérarchies trouvées
} ; la plus forte réunit { $organizations } ({ $sectors }) avec une confiance moyenne de { $trust }.
net-sum-inward = Le secteur le plus replié sur lui-même : { $sector } (indice E-I { $ei }) ; { $all ->
    [yes] tous ses liens restent
   *[no] la plupart de ses liens restent
} internes.
net-sum-silos = { $names } { $count ->
    [one] vit en vase clos : la plupart de ses liens restent internes.
   *[other] vivent en vase clos : la plupart de leurs liens restent internes.
}
net-sum-cut = Si { $person } part, { $cut_off } { $count ->
    [one] perdrait
   *[other] perdraient
} le contact.
net-sum-cut-with = Si { $person } part, { $cut_off } { $count ->
    [one] perdrait
   *[other] perdraient
} le contact avec { $rest }.
net-sum-cut-all = En tout, { $count ->
    [one] { $count } personne est le seul lien
   *[other] { $count } personnes sont le seul lien
} entre une partie du réseau et le reste.
net-sum-only-links = { $count ->
    [one] { $count } personne est
   *[other] { $count } personnes sont
} le seul lien de quelqu'un avec le reste ; aucune organisation ne dépend d'une seule personne.
net-sum-no-cut = Le départ d'une seule personne ne couperait personne du réseau.
net-sum-balance = L'équilibre entre secteurs atteint { $percent } de l'idéal (personnes : { $counts }).
net-sum-missing = Personne ne participe encore pour { $count ->
    [one] ce secteur
   *[other] ces secteurs
} : { $sectors }.

## Embeds (src/embed/)
embed-blocked-crypto = Ce navigateur ne permet pas à cette vue intégrée d'utiliser le chiffrement : la salle ne peut pas être affichée ici.
embed-open-tab = L'ouvrir dans son propre onglet
embed-blocked-storage = Ce navigateur bloque le stockage des vues intégrées : cette vue suit la salle en direct mais n'en garde aucune copie sur cet appareil.
embed-powered = Ouvrir dans Constellation
embed-goal-missing = Cet objectif n'est pas dans la salle (il a peut-être été supprimé).
embed-indicators = Indicateurs
embed-delivered = { $delivered } engagements tenus sur { $promised }
embed-network = Carte du réseau
embed-network-count = { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}, { $organizations ->
    [one] { $organizations } organisation
   *[other] { $organizations } organisations
}
embed-network-list = Personnes et organisations
ranked-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}

## Réseau

n-add-organization = Ajouter une organisation
n-add-person = Ajouter une personne
n-add-tie = Ajouter un lien
n-at = chez
n-direction = Sens
n-from = De
n-i-am = Je suis
n-i-work-with = Je travaille avec
n-keep = Garder
n-kind = Nature
n-level = Niveau
n-merge = Fusionner
n-merge-duplicates = Fusionner des doublons
n-merge-into-it = Fusionner dedans
n-name = Nom
n-new-organization = Nouvelle organisation
n-new-person = Nouvelle personne
n-new-tie = Nouveau lien
n-note = Note
n-organization = Organisation
n-role = Rôle
n-sector = Secteur
n-sector-of-a-new-organization = Secteur d'une nouvelle organisation
n-tags = Étiquettes
n-to = Vers
n-trust-1-5 = Confiance (1–5)
net-quick = Saisie rapide
net-quick-hint = Ajoutez-vous, ainsi que les personnes avec qui vous travaillez. Les noms déjà sur la carte sont proposés, pour que personne ne soit ajouté deux fois.
net-quick-done = { $name } ajouté : { $people } { $people ->
    [one] nouvelle personne
   *[other] nouvelles personnes
}, { $organizations } { $organizations ->
    [one] nouvelle organisation
   *[other] nouvelles organisations
}, { $ties } { $ties ->
    [one] nouveau lien
   *[other] nouveaux liens
}.
net-more-person = {" "}(personne { $n })
net-more-org = {" "}(organisation de la personne { $n })
net-more-tags = {" "}(séparées par des virgules)
net-add-another = Ajouter une autre personne
net-add-me = M'ajouter à la carte
net-edit = Modifier le réseau
net-none = Aucune
net-choose = Choisir…
net-added-org = Organisation { $name } ajoutée.
net-added = { $name } ajouté(e).
net-level-none = Non précisé
net-level-senior = Senior
net-level-mid = Intermédiaire
net-level-junior = Junior
net-both-ways = Dans les deux sens
net-from-to = De → Vers
net-tie-added = Lien ajouté.
net-two-orgs = Deux organisations
net-two-people = Deux personnes
net-merge-choose = Choisissez l'entrée à garder et celle à fusionner dedans, du même type.
net-merged = Fusionné.
net-selected = { $name } sélectionné, { $ties ->
    [one] { $ties } relation
   *[other] { $ties } relations
}.
net-no-key = Ce lien n'a pas de clé de salle : le réseau ne peut pas être ouvert.
net-presenter = Vue présentateur
net-slow = La dernière analyse a pris { $ms } ms (hors de la page, dans un worker).
net-imported = Importé : { $people } nouvelles personnes ({ $matched_people } déjà présentes), { $organizations } nouvelles organisations ({ $matched_organizations } déjà présentes), { $ties } nouveaux liens.
net-png-failed = La carte n'a pas pu être enregistrée en image.
net-import = Importer un réseau
net-import-hint = Une liste de liens CSV (from,to,trust,kind), du JSON, du GraphML ou du GEXF. Choisissez deux fichiers pour une liste de liens et sa liste de nœuds, ou les feuilles « elements » et « connections » de Kumu. Rien n'est ajouté tant que tout l'import n'est pas valide.
net-import-refused = Rien n'a été importé. Corrigez ceci et réessayez :
net-export-graphml = Exporter en GraphML
net-export-gexf = Exporter en GEXF
net-export-kumu = Exporter pour Kumu
net-import-no-worker = Les fichiers n'ont pas pu être lus : le worker de la carte n'a pas démarré dans ce navigateur.
net-import-adding = Ajout de l'import : { $done } entrées sur { $total }…

## Network map (src/network_view/map.rs)

map-count = { $shown } sur { $total } personnes et organisations affichées
map-label = Carte du réseau, { $count } personnes et organisations. Les flèches déplacent la sélection le long des liens, Entrée ouvre ses détails.
map-help = Faites glisser pour vous déplacer, pincez ou utilisez la molette pour zoomer, touchez un nœud pour voir ses détails, faites glisser un nœud pour l'épingler. Au clavier : les flèches suivent les liens, Entrée ouvre les détails, + et − zooment.
map-fit = Ajuster la carte
map-release = Libérer les épingles
map-no-ties-here = Aucun lien ne part d'ici.
map-legend = Légende
map-legend-org = Organisation (contour foncé)
map-legend-member = Travaille à (pointillés)
map-legend-tie = Lien : plus large, ou plus foncé sur une carte chargée, quand la confiance est plus grande
map-size-by = Taille selon
map-highlight = Mettre en évidence
map-focus = Centrer sur
map-focus-whole = Tout le réseau
map-focus-steps = { $steps ->
    [one] 1 pas autour de la sélection
   *[other] { $steps } pas autour de la sélection
}
map-search = Chercher par nom
map-filters = Filtres
map-sectors = Secteurs
map-kinds = Types de lien
map-min-trust = Confiance minimale
map-caption = { $highlight } : { $names }.
map-caption-none = { $highlight } : aucun résultat.
map-layout-failed = La carte n'a pas pu être disposée : { $error }
map-bad-message = La carte n'a pas pu lire ce que la page a envoyé : { $error }
map-cannot-draw = Ce navigateur ne peut pas dessiner la carte ; le tableau ci-dessous présente le même réseau.
map-bad-answer = La carte a répondu sous une forme que la page ne sait pas lire : { $error }
map-png-failed = La carte n'a pas pu être enregistrée en PNG.
map-no-worker = Impossible de le calculer : le worker de la carte n'a pas démarré dans ce navigateur.
map-entry-gone = Cette entrée n'est plus dans le réseau.
map-svg-size = Taille : { $metric }
worker-cannot-start = L'analyse du réseau n'a pas pu démarrer dans ce navigateur : { $why }.
worker-files-not-loaded = ses fichiers n'ont pas pu être chargés
worker-failed = Le réseau n'a pas pu être analysé : { $error }
worker-other-version = L'analyse du réseau vient d'une autre version de l'application ; rechargez la page.
worker-bad-answer = L'analyse a répondu sous une forme que la page ne sait pas lire : { $error }

# Board, plans and files refusals
goal-err-bad-hashtag = Un mot-dièse est un # suivi de lettres, de chiffres ou de _, sans espace (comme #RivièrePropre2030) ; trouvé « { $found } ».
goal-err-end-before-start = La date de fin { $end } précède la date de début { $start } : reculez la fin ou avancez le début.
goal-err-target-before-baseline = La date cible { $target } précède la date de référence { $baseline } : reculez la cible ou avancez la référence.
goal-err-baseline-date-missing = La date de référence est obligatoire quand une valeur de référence est donnée (ou laissez les deux vides).
goal-err-baseline-value-missing = La valeur de référence est obligatoire quand une date de référence est donnée (ou laissez les deux vides).
goal-err-duplicate-target-date = Il y a déjà une cible le { $date } : modifiez cette cible au lieu d'en ajouter une autre.
goal-err-value-does-not-fit = Le champ « { $field } » de cet indicateur doit être { $expects }.
goal-err-measure-change = Cet indicateur ne peut pas devenir « { $measure } » : { $count ->
    [one] 1 élément parmi sa référence, ses cibles et ses mesures n'est pas { $expects } ; modifiez-le ou supprimez-le d'abord.
   *[other] { $count } éléments parmi sa référence, ses cibles et ses mesures ne sont pas { $expects } ; modifiez-les ou supprimez-les d'abord.
}
goal-err-parent-is-self = Un objectif ne peut pas être placé sous lui-même.
goal-err-parent-loop = Cet objectif ne peut pas être placé sous un objectif qui se trouve déjà à l'intérieur : choisissez un objectif hors de sa branche.
goal-err-has-sub-goals = { $count ->
    [one] Cet objectif a 1 sous-objectif : déplacez-le ou supprimez-le d'abord.
   *[other] Cet objectif a { $count } sous-objectifs : déplacez-les ou supprimez-les d'abord.
}
goal-err-duplicate-member = L'équipe compte déjà { $name }.
goal-err-unknown-goal = Cet objectif n'est plus dans la salle (il a peut-être été supprimé).
goal-err-unknown-parent = L'objectif parent n'est plus dans la salle (il a peut-être été supprimé) : choisissez-en un autre.
goal-err-unknown-indicator = Cet indicateur n'est plus dans la salle (il a peut-être été supprimé).
goal-err-unknown-target = Cette cible n'est plus sur l'indicateur (elle a peut-être été retirée).
goal-err-unknown-measurement = Cette mesure n'est plus dans la salle (elle a peut-être été supprimée).
goal-err-unknown-experiment = Cette expérimentation n'est plus dans la salle (elle a peut-être été supprimée).
goal-err-unknown-task = Cette tâche n'est plus dans l'expérimentation (elle a peut-être été retirée).
goal-err-unknown-member = L'équipe n'a pas de membre { $name }.
expects-number = un nombre
expects-percentage = un pourcentage (un nombre, éventuellement suivi de %)
expects-yes-no = oui ou non
expects-text = un texte court
commitment-err-amount-without-unit = L'unité est obligatoire quand un montant est donné (heures, EUR, jeux de données…).
commitment-err-due-before-made = L'échéance { $due } précède la date de l'engagement, { $made } : reculez l'échéance.
commitment-err-before-commitment = La date { $date } précède la date de l'engagement, { $made }.
commitment-err-empty-response = { $kind ->
    [question] Une question a besoin d'un texte.
    [answer] Une réponse a besoin d'un texte.
   *[other] Un accusé de réception a besoin d'un texte.
}
commitment-err-unknown-goal = Cet objectif n'est plus dans la salle (il a peut-être été supprimé) : choisissez-en un autre.
commitment-err-unknown-indicator = Cet indicateur n'est plus dans la salle (il a peut-être été supprimé) : choisissez-en un autre.
commitment-err-unknown-commitment = Cet engagement n'est plus dans la salle (il a peut-être été supprimé).
commitment-err-unknown-check-in = Ce point d'étape n'est plus dans la salle (il a peut-être été supprimé).
commitment-err-role-not-held = { $name } n'a pas le rôle { $role }.
iati-err-missing-setting = L'export IATI a besoin { $setting ->
    [ref] de l'identifiant (ref)
    [type] du type
   *[name] du nom
} de l'organisation déclarante : renseignez-le dans les réglages de l'export.
iati-err-nothing = Aucun objectif de mission n'a d'indicateur à exporter : ajoutez d'abord un indicateur à un objectif.
opensdg-err-qualitative = « { $name } » est qualitatif : Open SDG ne publie que des nombres.
digest-err-ends-before-start = La période se termine ({ $to }) avant de commencer ({ $from }) : inversez les deux dates.
csv-at-line = Ligne { $line } : { $problem }
csv-at-column = Ligne { $line }, colonne { $column } ({ $name }) : { $problem }
csv-err-unreadable-file = Le fichier ne peut pas être lu comme un CSV : enregistrez-le en texte séparé par des virgules.
csv-err-unreadable-line = Cette ligne ne peut pas être lue comme du CSV (vérifiez ses guillemets).
csv-err-empty = Le fichier est vide : il lui faut une ligne d'en-tête (date,value…) et une ligne par mesure.
csv-err-duplicate-column = Cette colonne apparaît deux fois : n'en gardez qu'une.
csv-err-unknown-column = Colonne inconnue : les colonnes sont indicator, date ou year, value, units, source, organization, note.
csv-err-no-value-column = L'en-tête n'a pas de colonne value.
csv-err-no-date-column = L'en-tête doit avoir une colonne date (AAAA-MM-JJ) ou une colonne year.
csv-err-date-and-year = L'en-tête a à la fois une colonne date et une colonne year : n'en gardez qu'une.
csv-err-no-indicator-column = Le fichier n'a pas de colonne indicator : choisissez l'indicateur où importer.
csv-err-field-count = Cette ligne a { $found } champs ; l'en-tête en a { $expected }.
csv-err-indicator-missing = L'indicateur manque.
csv-err-no-such-indicator = Il n'y a pas d'indicateur « { $name } » dans cette salle : utilisez le nom ou l'identifiant d'un indicateur.
csv-err-ambiguous-indicator = { $count } indicateurs s'appellent « { $name } » : utilisez plutôt l'identifiant de l'indicateur.
csv-err-bad-year = L'année doit avoir quatre chiffres, comme 2026 ; trouvé « { $found } ».
csv-err-units-differ = Les unités « { $units } » diffèrent de l'unité de l'indicateur, « { $expected } ».
board-err-empty-name = Un tableau a besoin d'un nom.
board-err-name-too-long = Un nom de tableau contient au plus { $max } caractères ; celui-ci en a { $length }.
board-err-unknown-board = Ce tableau n'est plus dans la salle (il a peut-être été supprimé).
board-err-unknown-note = Cette note n'est plus dans la salle (elle a peut-être été supprimée).
board-err-note-too-long = Une note contient au plus { $max } caractères ; ce texte en a { $length }.
board-err-invalid-position = La position d'une note doit être deux nombres finis, trouvé ({ $x } ; { $y }).
board-err-author-too-long = Un nom d'auteur contient au plus { $max } caractères ; celui-ci en a { $length }.
board-err-unknown-cluster = Ce groupe n'est plus dans la salle (il a peut-être été supprimé).
board-err-cluster-label-too-long = Un nom de groupe contient au plus { $max } caractères ; celui-ci en a { $length }.
board-err-cluster-size = La largeur et la hauteur d'un groupe doivent aller de { $min } à { $max }, trouvé { $width } × { $height }.
board-err-unknown-link = Ce lien n'est plus dans la salle (il a peut-être été supprimé).
board-err-link-to-itself = Un lien relie deux notes différentes : choisissez une autre note à relier.
board-err-link-across-boards = Un lien relie des notes d'un même tableau ; ces notes sont sur des tableaux différents.
board-err-duplicate-link = Ces notes sont déjà reliées.
board-err-link-label-too-long = Un libellé de lien contient au plus { $max } caractères ; celui-ci en a { $length }.
board-err-invalid-participant = Un identifiant de participant a de 1 à { $max } caractères, sans espace ni caractère de contrôle.
board-err-allowance-too-large = Un participant peut avoir au plus { $max } votes sur un tableau ; { $allowance } demandés.
board-err-voting-closed = Le vote n'est pas ouvert sur ce tableau : l'animateur n'a pas encore distribué de votes.
board-err-no-votes-left = { $allowance ->
    [one] Votre vote sur ce tableau est placé ; retirez-le pour voter à nouveau.
   *[other] Vos { $allowance } votes sur ce tableau sont tous placés ; retirez-en un pour voter à nouveau.
}
board-err-no-vote-to-remove = Vous n'avez pas de vote à retirer sur cette note.
board-err-locked = Le tableau est verrouillé pendant le décompte des votes ; attendez que l'animateur le déverrouille.
board-import-unreadable = { $name } : le fichier n'a pas pu être lu comme un tableau (ligne { $line }, colonne { $column }).
board-import-not-a-board = { $name } : ce fichier n'est pas un export de tableau Constellation (son « format » n'est pas « constellation-board »).
board-import-missing-version = { $name } : ce fichier de tableau n'indique pas la version du format qu'il utilise (« version » : { $version }).
board-import-unsupported-version = { $name } : ce fichier utilise la version { $found } du format de tableau, et cette application lit la version { $version } : mettez l'application à jour pour l'importer.
board-import-invalid = { $name } : le tableau n'a pas été importé ; { $count ->
    [one] 1 problème à corriger
   *[other] { $count } problèmes à corriger
} dans le fichier. { $problems }
board-import-locked = { $name } : le tableau n'a pas été importé : il est verrouillé pendant le décompte des votes.
board-file-problem = { $element } : { $problem }
board-file-the-board = Le tableau
board-file-item = { $kind ->
    [note] Note { $number }
    [cluster] Groupe { $number }
   *[link] Lien { $number }
}
board-file-allowance = vote_allowance vaut { $found }, au plus { $max }.
board-file-too-many = Le fichier a { $count } { $kind ->
    [note] notes
    [cluster] groupes
   *[link] liens
}, au plus { $max }.
board-file-too-long = { $field ->
    [text] Le texte
    [author] L'auteur
   *[label] Le libellé
} fait { $length } caractères, au plus { $max }.
board-file-not-finite = La position ({ $x } ; { $y }) n'est pas faite de deux nombres finis.
board-file-unknown-color = La couleur « { $found } » n'est pas l'une de celles-ci : { $colors }.
board-file-missing-cluster = Le groupe « { $id } » n'est pas dans le fichier.
board-file-missing-note = La note « { $id } » n'est pas dans le fichier.
board-file-link-to-itself = Il part de la note « { $id } » et y revient.
board-file-repeated-link = Il répète le lien { $first }.
board-file-empty-id = Son identifiant est vide.
board-file-duplicate-id = Son identifiant « { $id } » est déjà utilisé par { $kind ->
    [note] la note
    [cluster] le groupe
   *[link] le lien
} { $first }.
board-file-more = { $count } autres problèmes ne sont pas listés.
png-cannot-draw = Ce navigateur ne sait pas dessiner d'images ; exportez plutôt en SVG.
value-yes = oui
value-no = non

# Network and sharing refusals
net-field-name = nom
net-field-sector = secteur
net-field-tags = étiquettes
net-field-organization = organisation
net-field-role = rôle
net-field-level = niveau
net-field-from = de
net-field-to = vers
net-field-kind = nature du lien
net-field-trust = confiance
net-field-note = note
net-field-works-with = travaille avec (personne { $n })
net-field-works-with-org = travaille avec (organisation de la personne { $n })
net-field-record = entrée
net-problem-control = Le champ « { $field } » doit tenir sur une ligne, sans caractères de contrôle.
net-problem-too-many-tags = Au plus { $max } étiquettes ; cette entrée en a { $count }.
net-problem-trust = La confiance doit être un nombre entier de 1 à 5 ; trouvé { $found }.
net-problem-mixed-tie = Un lien relie deux personnes ou deux organisations, pas une personne et une organisation.
net-problem-tie-to-itself = Un lien doit relier deux personnes ou deux organisations différentes.
net-problem-colleague-needs-name = { $field } : il faut un nom avec l'organisation.
net-problem-colleague-is-self = { $field } : c'est la personne qui saisit ; indiquez les personnes avec qui elle travaille.
net-problem-no-such-organization = L'organisation choisie n'est plus dans le réseau (quelqu'un l'a peut-être supprimée ou fusionnée).
net-problem-no-such-end = L'entrée choisie dans « { $field } » n'est plus dans le réseau (quelqu'un l'a peut-être supprimée ou fusionnée).
net-error-unknown-organization = Cette organisation n'est plus dans le réseau (quelqu'un l'a peut-être supprimée ou fusionnée).
net-error-unknown-person = Cette personne n'est plus dans le réseau (quelqu'un l'a peut-être supprimée ou fusionnée).
net-error-unknown-tie = Ce lien n'est plus dans le réseau (quelqu'un l'a peut-être supprimé).
net-error-merge-with-itself = Une entrée ne peut pas être fusionnée avec elle-même.
net-connectors-heading = Passeurs
net-group-none = personnes sans organisation
net-why-organizations = relie { $count } organisations
net-why-liaison = agent de liaison entre { $a } et { $b } sur { $paths ->
    [one] 1 chemin
   *[other] { $paths } chemins
}
net-why-itinerant = intermédiaire itinérant au sein de { $group } sur { $paths ->
    [one] 1 chemin
   *[other] { $paths } chemins
}
net-why-represents = représente { $own } auprès de { $other } sur { $paths ->
    [one] 1 chemin
   *[other] { $paths } chemins
}
net-why-gatekeeper = gardien pour { $own } face à { $other } sur { $paths ->
    [one] 1 chemin
   *[other] { $paths } chemins
}
net-why-mid-level-staff = personnel intermédiaire
net-why-junior-staff = personnel junior
net-warning-weighted = { $graph ->
    [people] Entre les personnes
   *[organizations] Entre les organisations
}, l'intermédiarité pondérée n'a pas pu être calculée (un lien a une longueur de { $length }) ; l'intermédiarité non pondérée est affichée à la place.
net-warning-eigenvector = { $graph ->
    [people] Entre les personnes
   *[organizations] Entre les organisations
}, la centralité de vecteur propre ne s'est pas stabilisée en { $iterations } itérations ; elle n'est pas affichée.
net-warning-cliques = Hétérarchies : le graphe des organisations à forte confiance a plus de { $limit } cliques maximales ; seules les premières ont été examinées.
net-check-duplicate-organization = l'id d'organisation « { $id } » est utilisé deux fois
net-check-duplicate-person = l'id de personne « { $id } » est utilisé deux fois
net-check-unknown-organization = personne « { $person } » : organisation inconnue « { $organization } »
net-check-unknown-end = lien { $tie } : { $end } n'est pas dans le réseau
net-check-trust = lien { $tie } : la confiance doit aller de 1 à 5, trouvé { $found }
net-check-self-tie = lien { $tie } : un lien doit relier deux nœuds différents, trouvé { $end } aux deux bouts
net-check-mixed-tie = lien { $tie } : un lien relie deux personnes ou deux organisations, pas { $from } et { $to }
net-node-person = la personne « { $id } »
net-node-organization = l'organisation « { $id } »
net-file-problem = { $place } : { $reason }
net-file-line = ligne { $line }
net-file-field = colonne « { $field } »
net-file-column = caractère { $column }
net-imp-not-utf8 = n'est pas du texte UTF-8
net-imp-bad-csv = ne peut pas être lu comme CSV ({ $detail })
net-imp-empty = est vide (une ligne d'en-tête est nécessaire)
net-imp-header-id-name = l'en-tête doit avoir une colonne id ou name (label)
net-imp-header-from-to = l'en-tête doit avoir les colonnes From et To
net-imp-id-or-name = un id ou un nom est obligatoire
net-imp-used-twice = « { $id } » est utilisé deux fois (d'abord à la ligne { $first })
net-imp-no-organization = aucune organisation d'id ou de nom « { $name } » dans ce fichier
net-imp-no-node = aucun nœud d'id ou de nom « { $name } » dans { $nodes_file }
net-imp-no-node-id = aucun nœud d'id « { $id } »
net-imp-empty-cell = est vide
net-imp-mixed-tie = un lien relie deux personnes ou deux organisations, pas { $from } et { $to }
net-imp-self-tie = un lien doit relier deux nœuds différents, trouvé { $node } aux deux bouts
net-imp-trust = doit être un nombre entier de 1 à 5, trouvé « { $found } »
net-imp-true-false = doit valoir true ou false, trouvé « { $found } »
net-imp-kind = nature inconnue « { $found } » (collaborates, knows, funds, governs ou other)
net-imp-sector = secteur inconnu « { $found } » (government, business, civil society ou other)
net-imp-level = niveau inconnu « { $found } » (senior, mid ou junior)
net-imp-too-long = est trop long ({ $length } caractères, au plus { $max })
net-imp-control = doit tenir sur une ligne, sans caractères de contrôle
net-imp-node-needs-id = un nœud doit avoir un id
net-imp-not-graphml = n'est pas du GraphML (son élément racine n'est pas <graphml>)
net-imp-not-gexf = n'est pas du GEXF (son élément racine n'est pas <gexf>)
net-imp-no-graph = ne contient aucun <graph>
net-imp-bad-xml = n'est pas du XML bien formé ({ $detail })
net-imp-unmatched-end = a une balise de fin sans ouverture
net-imp-unknown-entity = contient une référence d'entité inconnue
net-imp-unclosed = se termine avant la fermeture de ses éléments
net-imp-no-element = ne contient aucun élément XML
net-imp-bad-attribute = a un attribut mal formé ({ $detail })
net-imp-kumu-elements = les connexions Kumu demandent aussi la feuille des éléments
net-imp-second-file = seule une liste de liens CSV accepte un second fichier (sa liste de nœuds)
net-imp-bad-json = ne peut pas être lu comme un réseau en JSON ({ $detail })
net-import-unreadable = { $file } n'a pas pu être lu.
net-import-extension = { $file } : le nom doit finir par .csv, .json, .graphml ou .gexf.
net-import-two-files = Deux fichiers, c'est une liste de liens CSV avec sa liste de nœuds (un nom contenant « nodes »), ou les feuilles « elements » et « connections » de Kumu.
net-import-how-many = Choisissez un fichier de réseau, ou deux (une liste de liens et sa liste de nœuds, ou les feuilles « elements » et « connections » de Kumu).
file-error-make = Le fichier n'a pas pu être créé ({ $detail }).
file-error-link = Le téléchargement n'a pas pu démarrer ({ $detail }).
file-error-no-page = Le téléchargement n'a pas pu démarrer : la page n'est pas prête.
file-error-read = Le fichier choisi n'a pas pu être lu ({ $detail }).
file-error-copy = Ce navigateur ne permet pas de copier ici ; sélectionnez le texte et copiez-le.
share-qr-too-long = Ce lien ({ $length } caractères) est trop long pour un code QR.
code-relay-refused = Le relais a refusé : { $said }
code-bad = Un code de salle compte 12 lettres et chiffres, comme 7KQ2-M9XD-4HRT ; « { $found } » n'en est pas un.
code-wrong = Ce code n'ouvre pas la salle qu'il désigne (faute de frappe, ou il a été remplacé) : vérifiez-le et réessayez.
code-bad-ticket = Le ticket du code de salle est abîmé : { $error }
net-svg-desc = { $shown } sur { $total } personnes et organisations, { $ties ->
    [one] 1 lien
   *[other] { $ties } liens
} ; taille des nœuds selon : { $metric }.
worker-not-sent = le réseau n'a pas pu être transmis à l'analyse
