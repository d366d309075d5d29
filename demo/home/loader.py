"""Demo loader of the home domain: the German home page, the standard pages, the project
teasers with generated logos, the default site and the portal settings, and their English
versions through wagtail-localize. The texts are in `content.yaml` beside this module.

Runs first: the other domains' loaders use its locales, images and standard pages, and read
`main_menu_positions` of its data file to put their menu entries in place.
"""

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from demo.data import content
from demo.drawing import render_image
from demo.engine import SOURCE_LANGUAGE, TARGET_LANGUAGE, Tally
from home.models import ProjectTeaser, StandardPage
from portal.models import FooterLink, MainMenuItem, PortalSettings, SocialLink


def data():
    """The content of `content.yaml` beside this module (read once)."""
    return content(__file__)


def main_menu_position(key):
    """Where a domain's main-menu entry goes (`main_menu_positions` in content.yaml)."""
    return data()["main_menu_positions"][key]


def steps(demo):
    loader = HomeLoader(demo, data())
    return [
        ("Locales", loader.load_locales),
        ("Images", loader.load_images),
        ("Standard pages (de)", loader.load_standard_pages),
        ("Home page (de)", loader.load_home_page),
        ("Project teasers (de)", loader.load_project_teasers),
        ("Default site", loader.load_site),
        ("Portal settings", loader.load_portal_settings),
        ("English pages (wagtail-localize)", loader.translate_pages),
        ("English project teasers (wagtail-localize)", loader.translate_project_teasers),
    ]


class HomeLoader:
    def __init__(self, demo, spec):
        self.demo = demo
        self.spec = spec
        demo.add_english([spec["home_page"], spec["standard_pages"], spec["project_teasers"]])
        demo.image_variants.update(spec["image_translations"])

    def load_locales(self):
        tally = Tally()
        for code in (SOURCE_LANGUAGE, TARGET_LANGUAGE):
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.demo.locales[code] = locale
            if created:
                tally.created += 1
            else:
                tally.present += 1
        return tally

    def load_images(self):
        tally = Tally()
        image_model = get_image_model()
        for key, spec in self.spec["images"].items():
            image = image_model.objects.filter(title=spec["title"]).order_by("pk").first()
            if image is not None:
                tally.present += 1
            else:
                image = image_model(
                    title=spec["title"],
                    description=spec["description"],
                    file=ImageFile(render_image(spec), name=f"{key}.png"),
                )
                image._set_image_file_metadata()
                image.save()
                tally.created += 1
            self.demo.images[key] = image
        return tally

    def load_standard_pages(self):
        tally = Tally()
        home = self.demo.german_home()
        new_pages = []
        for spec in self.spec["standard_pages"]:
            slug = spec["slug"].de
            page = home.get_children().filter(slug=slug).specific().first()
            if page is not None:
                tally.present += 1
            else:
                # The body may link to pages created later in this loop, so it is filled in
                # once every page exists; the page gets a single, published revision.
                page = StandardPage(
                    title=spec["title"].de,
                    slug=slug,
                    intro=spec["intro"].de,
                    search_description=spec["search_description"].de,
                    live=False,
                )
                home.add_child(instance=page)
                new_pages.append((page, spec))
                tally.created += 1
            self.demo.pages[slug] = page
        for page, spec in new_pages:
            page.body = self.demo.stream(spec["body"])
            page.save_revision().publish()
        return tally

    def load_home_page(self):
        tally = Tally()
        home = self.demo.german_home()
        if home.intro_heading:
            tally.present += 1
            return tally
        for field, value in self.spec["home_page"].items():
            if field == "quotes":
                setattr(home, field, self.demo.stream(value))
            else:
                setattr(home, field, self.demo.german(value))
        home.save_revision().publish()
        tally.updated += 1
        return tally

    def load_project_teasers(self):
        tally = Tally()
        german = self.demo.locales[SOURCE_LANGUAGE]
        for spec in self.spec["project_teasers"]:
            name = spec["name"].de
            if ProjectTeaser.objects.filter(locale=german, name=name).exists():
                tally.present += 1
                continue
            teaser = ProjectTeaser(locale=german)
            for field, value in spec.items():
                setattr(teaser, field, self.demo.german(value))
            teaser.save()
            teaser.save_revision().publish()
            tally.created += 1
        return tally

    def load_site(self):
        tally = Tally()
        spec = self.spec["site"]
        wanted = {
            "hostname": spec["hostname"],
            "port": spec["port"],
            "site_name": spec["name"],
            "root_page_id": self.demo.german_home().pk,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, **wanted)
            tally.created += 1
        elif all(getattr(site, field) == value for field, value in wanted.items()):
            tally.present += 1
        else:
            for field, value in wanted.items():
                setattr(site, field, value)
            site.full_clean()
            site.save()
            tally.updated += 1
        return tally

    def load_portal_settings(self):
        """Fill whatever part of the settings is still empty; never overwrite an entry."""
        tally = Tally()
        site = Site.objects.get(is_default_site=True)
        existed = PortalSettings.objects.filter(site=site).exists()
        settings = PortalSettings.for_site(site)
        spec = self.spec["portal_settings"]
        changed = False
        if settings.logo_id is None:
            settings.logo = self.demo.images[spec["logo"].key]
            changed = True
        if not settings.street:
            for field in ("organisation_name", "street", "postcode", "city", "phone", "email"):
                setattr(settings, field, spec[field])
            changed = True
        menus = [
            ("main_menu_items", MainMenuItem, spec["main_menu"]),
            (
                "footer_links",
                FooterLink,
                [(slug, i) for i, slug in enumerate(spec["footer_links"])],
            ),
        ]
        for relation, model, entries in menus:
            if not getattr(settings, relation).exists():
                setattr(
                    settings,
                    relation,
                    [
                        model(page=self.demo.pages[slug], sort_order=position)
                        for slug, position in entries
                    ],
                )
                changed = True
        if not settings.social_links.exists():
            settings.social_links = [
                SocialLink(platform=platform, url=url, sort_order=index)
                for index, (platform, url) in enumerate(spec["social_links"])
            ]
            changed = True
        if changed:
            settings.full_clean()
            settings.save()
        if not existed:
            tally.created += 1
        elif changed:
            tally.updated += 1
        else:
            tally.present += 1
        return tally

    def translate_pages(self):
        # Parents first: wagtail-localize creates a page's translation under its parent's.
        tally = Tally()
        pages = [self.demo.german_home()] + [
            self.demo.pages[spec["slug"].de] for spec in self.spec["standard_pages"]
        ]
        for page in pages:
            # A fresh copy: the source is extracted from the instance as it is in the database.
            self.demo.translate(Page.objects.get(pk=page.pk).specific, tally)
        return tally

    def translate_project_teasers(self):
        tally = Tally()
        names = [spec["name"].de for spec in self.spec["project_teasers"]]
        teasers = ProjectTeaser.objects.filter(
            locale=self.demo.locales[SOURCE_LANGUAGE], name__in=names
        ).order_by("sort_order", "pk")
        for teaser in teasers:
            self.demo.translate(teaser, tally)
        return tally
