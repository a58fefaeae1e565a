# ruff: noqa: E501  (report prose, one paragraph a line)
"""Four French crisis reports written for these tests: the times, quotes, events and places a reader needs."""

REPORTS = {
"mali": ("2031-04-14", """Mali : une vingtaine de civils tués dans une attaque près de Tombouctou

Au moins vingt civils ont été tués dimanche dans l'attaque d'un village situé à une quarantaine de kilomètres de Tombouctou, dans le nord du Mali. Des hommes armés à moto ont ouvert le feu sur les habitants vers 18 heures, avant d'incendier des greniers.
« Les assaillants sont arrivés au moment de la prière et ont tiré sur tout ce qui bougeait », a raconté un habitant joint par téléphone.
Le porte-parole de l'armée malienne, le colonel Souleymane Traoré, a indiqué que des renforts avaient été envoyés sur place lundi matin.
Selon un élu local, plus de 1 500 personnes ont fui vers la ville depuis le début du mois."""),
"kivu": ("2031-06-02", """RDC : nouveau massacre dans le Nord-Kivu

Des rebelles des ADF ont tué au moins quatorze personnes dans la nuit de samedi à dimanche à Beni, dans la province du Nord-Kivu, a annoncé l'armée congolaise.
Les victimes ont été tuées à la machette par des assaillants venus de la forêt, selon la société civile locale.
« Nous avons retrouvé les corps de femmes et d'enfants dans les champs », a déclaré le maire de la ville.
Le gouverneur de la province a décrété trois jours de deuil. Une attaque similaire avait fait des dizaines de morts il y a deux semaines."""),
"niamey": ("2031-09-22", """Niger : des milliers de manifestants à Niamey contre la vie chère

Des milliers de personnes ont manifesté samedi à Niamey pour dénoncer la hausse des prix du carburant.
La police a dispersé les manifestants à coups de gaz lacrymogène près de l'Assemblée nationale, selon des journalistes sur place.
Le ministre de l'Intérieur a affirmé que quarante-deux personnes avaient été interpellées.
« Nous reviendrons chaque semaine tant que les prix ne baisseront pas », a prévenu un responsable syndical.
Une nouvelle marche est prévue le 1er octobre à Zinder."""),
"tchad": ("2031-11-08", """Tchad : Boko Haram revendique l'attaque contre une base militaire

Le groupe jihadiste Boko Haram a revendiqué l'attaque menée jeudi contre une base de l'armée tchadienne sur les rives du lac Tchad.
Neuf soldats ont été tués et une quinzaine d'autres blessés, a déclaré vendredi le ministre de la Défense.
Les assaillants ont été repoussés par l'aviation, a-t-il ajouté.
Le président a condamné cette attaque et appelé à l'unité nationale. Depuis 2015, la région est régulièrement visée par les insurgés."""),
}
