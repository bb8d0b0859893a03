"""RSS and Atom feeds read as articles (feedparser), and a feed with no entries as an error."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import read
from sitrep.models import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>https://example.org</link>
<item><title>Clashes near the dam</title><link>https://example.org/1</link><guid>vc-1</guid>
<pubDate>Tue, 03 Dec 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighting broke out near the dam on Monday.&lt;/p&gt;&lt;p&gt;Two villages were emptied.&lt;/p&gt;</description></item>
<item><title>Market reopens</title><link>https://example.org/2</link>
<description>The market in the old town reopened on Wednesday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Gazette</title>
<entry><id>urn:hg:7</id><title>Convoy reaches the pass</title><link href="https://example.org/hg/7"/>
<updated>2024-12-05T18:30:00Z</updated><content type="html">&lt;p&gt;An aid convoy reached the pass on Thursday.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_entries_become_articles_with_outlet_date_and_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read([path], published="2024-12-06"))
    assert all(isinstance(a, Article) for a in items)
    first, second = items
    assert (first.id, first.outlet, first.published, first.title, first.url) == (
        "vc-1", "Valley Courier", "2024-12-03", "Clashes near the dam", "https://example.org/1")
    assert first.text == "Fighting broke out near the dam on Monday.\nTwo villages were emptied.\n"
    assert second.id == "https://example.org/2" and second.published == "2024-12-06"  # the default date


def test_atom_content_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gazette.xml"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = read([path])
    assert isinstance(article, Article)
    assert (article.id, article.outlet, article.published) == ("urn:hg:7", "Hill Gazette", "2024-12-05")
    assert article.text.startswith("An aid convoy reached the pass")


def test_a_feed_without_entries_is_an_error_naming_the_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<rss><channel><title>nothing here", encoding="utf-8")
    good = tmp_path / "feed.rss"
    good.write_text(RSS, encoding="utf-8")
    items = list(read([bad, good]))
    assert isinstance(items[0], InputError) and "broken.xml" in str(items[0])
    assert [type(i) for i in items[1:]] == [Article, Article]
