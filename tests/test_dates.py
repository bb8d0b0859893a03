from sitrep.events.dates import resolve_date


def test_weekday_is_the_latest_such_day_up_to_publication():
    # 2024-12-06 is a Friday
    assert resolve_date("on Thursday", "2024-12-06").date == "2024-12-05"
    assert resolve_date("Friday", "2024-12-06").date == "2024-12-06"
    assert resolve_date("on Saturday", "2024-12-06").date == "2024-11-30"
    assert resolve_date("last Friday", "2024-12-06").date == "2024-11-29"


def test_relative_words():
    assert resolve_date("tomorrow", "2024-12-06").date == "2024-12-07"
    assert resolve_date("yesterday", "2024-12-06").date == "2024-12-05"
    last_week = resolve_date("last week", "2024-12-06")
    assert (last_week.date, last_week.precision) == ("2024-11-29", "week")
    assert resolve_date("in little over a week", "2024-12-06").precision == "week"


def test_explicit_dates_without_year_take_the_report_year():
    assert resolve_date("December 5", "2024-12-06").date == "2024-12-05"
    assert resolve_date("5 December", "2024-12-06").date == "2024-12-05"
    assert resolve_date("On 28 March 2020", "2020-03-30").date == "2020-03-28"
    # a late-December date in an early-January report is last year's
    assert resolve_date("30 December", "2025-01-02").date == "2024-12-30"


def test_history_resolves_far_back():
    assert resolve_date("2011", "2024-12-06").precision == "year"
    assert resolve_date("over a decade ago", "2024-12-06").date < "2015-01-01"
    assert resolve_date("in recent years", "2024-12-06").date < "2023-06-01"


def test_two_days_of_one_happening_are_dated_by_the_first():
    # "seized the base on July 28 and 29": not the year 2029
    assert resolve_date("July 28 and 29", "2024-07-31").date == "2024-07-28"
    assert resolve_date("28 to 30 May 2023", "2024-07-31").date == "2023-05-28"
    assert resolve_date("3-4 June", "2024-07-31").date == "2024-06-03"
