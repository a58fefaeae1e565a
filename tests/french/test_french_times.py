"""French time expressions, on sentences written for these tests, normalised against fixed publication dates."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.times import times

WEDNESDAY = "2030-05-08"  # ISO week 2030-W19


@pytest.fixture
def tag(parsed):
    def run(text: str, published: str = WEDNESDAY) -> dict[str, tuple[str, str]]:
        return {t.text: (t.type, t.value) for t in times(parsed(text, published=published, lang="fr"), Found())}

    return run


def test_days_named_around_the_publication(tag):
    found = tag("Les rebelles ont attaqué hier le poste de Karvossa. Le ministre parlera demain. "
                "Le convoi est parti avant-hier.")
    assert found["hier"] == ("DATE", "2030-05-07")
    assert found["demain"] == ("DATE", "2030-05-09")
    assert found["avant-hier"] == ("DATE", "2030-05-06")


def test_today_and_parts_of_yesterday(tag):
    found = tag("Aujourd'hui, les écoles restent fermées. Hier soir, des tirs ont été entendus. "
                "Ce matin, la police a bouclé le quartier.")
    assert found["Aujourd'hui"] == ("DATE", "2030-05-08")
    assert found["Hier soir"] == ("TIME", "2030-05-07TEV")
    assert found["Ce matin"] == ("TIME", "2030-05-08TMO")


def test_weekdays_point_back_in_a_past_report_and_ahead_in_a_plan(tag):
    found = tag("Lundi, des hommes armés ont incendié trois maisons. Le gouverneur se rendra sur place vendredi.")
    assert found["Lundi"] == ("DATE", "2030-05-06")
    assert found["vendredi"] == ("DATE", "2030-05-10")


def test_weekday_with_last_next_and_its_part_of_the_day(tag):
    found = tag("Le pont a été détruit samedi dernier. Une réunion est prévue mardi prochain. "
                "L'embuscade a eu lieu dimanche soir.")
    assert found["samedi dernier"] == ("DATE", "2030-05-04")
    assert found["mardi prochain"] == ("DATE", "2030-05-14")
    assert found["dimanche soir"] == ("TIME", "2030-05-05TEV")


def test_the_night_from_one_day_to_the_next(tag):
    found = tag("Dans la nuit de samedi à dimanche, un dépôt de carburant a brûlé près de Sarvel.")
    assert found["la nuit de samedi à dimanche"] == ("TIME", "2030-05-04TNI")


def test_dates_with_day_month_and_year(tag):
    found = tag("Le cessez-le-feu signé le 12 mars a été rompu. Les élections du 1er juin 2031 sont "
                "maintenues. Le massacre du 23 septembre 1998 reste impuni.")
    assert found["le 12 mars"] == ("DATE", "2030-03-12")
    assert found["1er juin 2031"] == ("DATE", "2031-06-01")
    assert found["23 septembre 1998"] == ("DATE", "1998-09-23")


def test_a_date_with_its_weekday_and_last(tag):
    found = tag("Le jeudi 2 mai, la foule a envahi la place. L'accord du 20 décembre dernier est caduc.")
    assert found["Le jeudi 2 mai"] == ("DATE", "2030-05-02")
    assert found["20 décembre dernier"] == ("DATE", "2029-12-20")


def test_months_and_years(tag):
    found = tag("En 2012, la région avait déjà connu une crise. Les combats ont repris en février. "
                "Le plan court jusqu'en octobre 2032, et septembre dernier fut le mois le plus meurtrier.")
    assert found["2012"] == ("DATE", "2012")
    assert found["février"] == ("DATE", "2030-02")
    assert found["octobre 2032"] == ("DATE", "2032-10")
    assert found["septembre dernier"] == ("DATE", "2029-09")


def test_a_count_is_not_a_year(tag):
    found = tag("Environ 2000 manifestants ont défilé. Les 1500 soldats sont rentrés.")
    assert "2000" not in found
    assert "1500" not in found


def test_years_weeks_and_months_before_and_after(tag):
    found = tag("L'année dernière, les pluies ont détruit les récoltes. La semaine prochaine, l'ONU votera. "
                "Cette année, le budget a doublé et le mois dernier a été calme.")
    assert found["L'année dernière"] == ("DATE", "2029")
    assert found["La semaine prochaine"] == ("DATE", "2030-W20")
    assert found["Cette année"] == ("DATE", "2030")
    assert found["le mois dernier"] == ("DATE", "2030-04")


def test_ago_and_in(tag):
    found = tag("Le village a été attaqué il y a deux jours. Une mission arrivera dans trois semaines.")
    assert found["il y a deux jours"] == ("DATE", "2030-05-06")
    assert found["dans trois semaines"] == ("DATE", "2030-W22")


def test_durations_in_words_and_digits(tag):
    found = tag("Le siège a duré dix-huit mois. Il est détenu depuis 12 ans. La coupure a duré environ une "
                "heure et les secours ont mis 30,5 secondes à répondre.")
    assert found["dix-huit mois"] == ("DURATION", "P18M")
    assert found["12 ans"] == ("DURATION", "P12Y")
    assert found["environ une heure"] == ("DURATION", "PT1H")
    assert found["30,5 secondes"] == ("DURATION", "PT30.5S")


def test_vague_and_recent_durations(tag):
    found = tag("Ces derniers jours, les pillages se sont multipliés. Les pourparlers ont duré plusieurs "
                "semaines, et le conflit dure depuis des années.")
    assert found["Ces derniers jours"] == ("DURATION", "PXD")
    assert found["plusieurs semaines"] == ("DURATION", "PXW")
    assert found["des années"] == ("DURATION", "PXY")


def test_an_age_is_not_a_duration(tag):
    found = tag("Un berger de 42 ans a été blessé. Amadou Sarr, 35 ans, a été arrêté.")
    assert "42 ans" not in found
    assert "35 ans" not in found


def test_clock_times_take_the_last_day_named(tag):
    found = tag("Mardi, vers 21 h 45, une explosion a secoué le marché. Les secours sont arrivés à 22 h 10.")
    assert found["21 h 45"] == ("TIME", "2030-05-07T21:45")
    assert found["22 h 10"] == ("TIME", "2030-05-07T22:10")


def test_clock_without_a_day_is_on_the_publication_day_and_noon_after_a_preposition(tag):
    found = tag("Le couvre-feu commence à 18 h. La foule s'est dispersée vers midi. Le Midi a voté.")
    assert found["18 h"] == ("TIME", "2030-05-08T18:00")
    assert found["midi"] == ("TIME", "2030-05-08T12:00")
    assert "Midi" not in found


def test_seasons_generic_or_of_a_year_and_not_the_verb(tag):
    found = tag("En été, les routes sont coupées. L'hiver 2029 fut rude.")
    assert found["été"] == ("DATE", "XXXX-SU")
    assert found["L'hiver 2029"] == ("DATE", "2029-WI")
    assert tag("Le chef du village a été tué et son adjoint a été blessé.") == {}


def test_sets_every_day_and_every_weekday(tag):
    found = tag("Les patrouilles passent chaque jour. Le marché ouvre tous les jeudis.")
    assert found["chaque jour"] == ("SET", "P1D")
    assert found["tous les jeudis"] == ("SET", "XXXX-WXX-4")


def test_references_to_now_and_the_past(tag):
    found = tag("La ville est désormais sous contrôle de l'armée. Le camp a récemment été agrandi.")
    assert found["désormais"] == ("DATE", "PRESENT_REF")
    assert found["récemment"] == ("DATE", "PAST_REF")


def test_the_next_day_follows_the_date_just_named(tag):
    found = tag("Le 3 avril, les rebelles ont pris la ville. Le lendemain, l'armée a contre-attaqué.")
    assert found["Le lendemain"] == ("DATE", "2030-04-04")


def test_decades_and_centuries(tag):
    found = tag("Dans les années 90, la guerre a fait des milliers de morts. Le XXe siècle fut violent.")
    assert found["les années 90"] == ("DATE", "199X")
    assert found["Le XXe siècle"] == ("DATE", "19")


def test_hours_are_a_clock_time_after_a_preposition_and_a_duration_otherwise(tag):
    found = tag("Le marché a rouvert à 9 heures. Les tirs ont duré 3 heures.")
    assert found["9 heures"] == ("TIME", "2030-05-08T09:00")
    assert found["3 heures"] == ("DURATION", "PT3H")


def test_the_night_of_a_day(tag):
    found = tag("Le camp a été attaqué dans la nuit de jeudi, selon un responsable.")
    assert found["la nuit de jeudi"] == ("TIME", "2030-05-02TNI")


def test_early_mid_and_late_parts_of_months_and_years(tag):
    found = tag("Les pluies ont commencé mi-janvier. Les premiers départs datent de fin 2028. "
                "Le retrait est prévu début juillet.")
    assert found["mi-janvier"] == ("DATE", "2030-01")
    assert found["fin 2028"] == ("DATE", "2028")
    assert found["début juillet"] == ("DATE", "2030-07")


def test_in_the_evening_of_the_day_just_named(tag):
    found = tag("Vendredi, la ville était calme. Les tirs ont repris en soirée.")
    assert found["en soirée"] == ("TIME", "2030-05-03TEV")
