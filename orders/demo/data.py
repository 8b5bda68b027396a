"""Who and what the demo office holds: its people, customers, factories, styles, and the
stage each demo order is walked to."""

from dataclasses import dataclass
from decimal import Decimal

from orders.choices import CreditClass, Currency, Language, PaymentTerms, Stage
from orders.roles import Role

DEMO_PASSWORD = "gendan-demo"
SUPERUSER = "superuser"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str  # a Role, or SUPERUSER
    first_name: str
    last_name: str
    language: str
    team: int | None = None  # index into TEAMS
    is_staff: bool = False
    # Extra permissions by "app_label.codename", e.g. the warehouse head's sign-off (R17).
    permissions: tuple[str, ...] = ()
    phone: str = ""  # printed for factories and customers when they need the merchandiser


TEAMS = ["Knitwear 針織組", "Wovens 梭織組"]

DEMO_USERS = [
    DemoUser(
        "merch",
        Role.MERCHANDISER,
        "Ka Yan",
        "Chan 陳嘉欣",
        Language.TRADITIONAL_CHINESE,
        0,
        phone="+852 2598 1211",
    ),
    DemoUser(
        "merch2",
        Role.MERCHANDISER,
        "Xiaomei",
        "Li 李晓梅",
        Language.SIMPLIFIED_CHINESE,
        1,
        phone="+852 2598 1212",
    ),
    DemoUser(
        "manager",
        Role.DEPARTMENT_MANAGER,
        "Chi Ming",
        "Wong 黃志明",
        Language.TRADITIONAL_CHINESE,
        0,
        is_staff=True,
    ),
    DemoUser("gm", Role.GENERAL_MANAGER, "David", "Leung", Language.ENGLISH, is_staff=True),
    DemoUser(
        "deputy_gm",
        Role.DEPUTY_GENERAL_MANAGER,
        "Wai Yee",
        "Chow 周慧儀",
        Language.TRADITIONAL_CHINESE,
        is_staff=True,
    ),
    DemoUser(
        "admin_clerk",
        Role.ADMINISTRATION,
        "Wing Sze",
        "Lam 林詠詩",
        Language.TRADITIONAL_CHINESE,
        is_staff=True,
    ),
    DemoUser(
        "finance",
        Role.FINANCE,
        "Mei Ling",
        "Ho 何美玲",
        Language.TRADITIONAL_CHINESE,
        is_staff=True,
    ),
    DemoUser(
        "pmc", Role.PMC, "Siu Fung", "Kwok 郭少峰", Language.TRADITIONAL_CHINESE
    ),  # replies delivery dates (R13)
    DemoUser("qc", Role.QC, "Jianguo", "Zhang 张建国", Language.SIMPLIFIED_CHINESE),
    DemoUser(
        "warehouse", Role.WAREHOUSE, "Wai Keung", "Cheung 張偉強", Language.TRADITIONAL_CHINESE
    ),
    DemoUser(
        "warehouse_head",
        Role.WAREHOUSE,
        "Kwok Wah",
        "Ng 吳國華",
        Language.TRADITIONAL_CHINESE,
        permissions=("complaints.sign_as_warehouse_head",),
    ),
    DemoUser("admin", SUPERUSER, "Site", "Administrator", Language.ENGLISH, is_staff=True),
]

# (role, username, password): the README and the Makefile print these.
DEMO_LOGINS = tuple((user.role, user.username, DEMO_PASSWORD) for user in DEMO_USERS)

CUSTOMERS = [
    # name, country, currency, terms, credit class, contacts, P/O prefix
    (
        "Northwind Apparel Inc.",
        "United States",
        Currency.USD,
        PaymentTerms.LETTER_OF_CREDIT,
        CreditClass.A,
        [("Jennifer Walsh", "Sourcing Manager"), ("Mark Ortiz", "Technical Designer")],
        "NWA",
    ),
    (
        "Harbourside Retail plc",
        "United Kingdom",
        Currency.GBP,
        PaymentTerms.OPEN_ACCOUNT,
        CreditClass.A,
        [("Oliver Bennett", "Buyer, Menswear"), ("Priya Shah", "Merchandiser")],
        "HBR",
    ),
    (
        "Rheinland Textilimport GmbH",
        "Germany",
        Currency.EUR,
        PaymentTerms.DOCUMENTS_AGAINST_PAYMENT,
        CreditClass.B,
        [("Katrin Vogel", "Einkauf / Purchasing"), ("Stefan Braun", "Quality Assurance")],
        "RTI",
    ),
    (
        "Sakura Mode K.K.",
        "Japan",
        Currency.USD,
        PaymentTerms.TELEGRAPHIC_TRANSFER,
        CreditClass.B,
        [("Yuki Tanaka", "Production Manager")],
        "SKM",
    ),
    (
        "Pacific Coast Outfitters LLC",
        "United States",
        Currency.USD,
        PaymentTerms.LETTER_OF_CREDIT,
        CreditClass.C,
        [("Ryan Mitchell", "Owner")],
        "PCO",
    ),
]

FACTORIES = [
    # name, language, e-mail, address, contacts
    (
        "东莞华艺制衣厂",
        Language.SIMPLIFIED_CHINESE,
        "orders@huayi-garment.example",
        "广东省东莞市虎门镇银龙路18号",
        [("王建华", "厂长"), ("刘芳", "跟单")],
    ),
    (
        "宁波永兴针织有限公司",
        Language.SIMPLIFIED_CHINESE,
        "sales@yongxing-knit.example",
        "浙江省宁波市鄞州区工业园区振兴路66号",
        [("陈国强", "总经理"), ("周丽", "生产主管")],
    ),
    (
        "广州恒达服装厂",
        Language.SIMPLIFIED_CHINESE,
        "hengda@hengda-apparel.example",
        "广东省广州市番禺区大石街105号",
        [("黄伟", "厂长")],
    ),
    (
        "南通宏盛纺织品有限公司",
        Language.SIMPLIFIED_CHINESE,
        "info@hongsheng-textile.example",
        "江苏省南通市通州区金沙镇工业路9号",
        [("吴敏", "外贸经理")],
    ),
    (
        "德昌製衣廠有限公司",
        Language.TRADITIONAL_CHINESE,
        "office@tak-cheong.example",
        "香港九龍觀塘鴻圖道52號 百本中心12樓",
        [("李德昌", "廠長"), ("鄭美儀", "跟單")],
    ),
]

STYLES = [
    ("Men's crew-neck cotton jersey tee", "TS", ["S", "M", "L", "XL"], Decimal("3.20")),
    ("Ladies' merino wool cardigan", "KC", ["XS", "S", "M", "L"], Decimal("14.80")),
    ("Unisex brushed fleece hoodie", "FH", ["S", "M", "L", "XL"], Decimal("8.60")),
    ("Men's stretch chino trousers", "CT", ["30", "32", "34", "36"], Decimal("7.90")),
    ("Women's linen shirt dress", "LD", ["XS", "S", "M", "L"], Decimal("11.40")),
    ("Ladies' cable-knit crew sweater", "CK", ["S", "M", "L"], Decimal("12.50")),
    ("Men's oxford button-down shirt", "OX", ["S", "M", "L", "XL"], Decimal("6.75")),
    ("Kids' quilted puffer vest", "PV", ["4", "6", "8", "10"], Decimal("9.30")),
    ("Girls' cotton knit dress", "GD", ["4", "6", "8", "10"], Decimal("5.40")),
    ("Men's denim trucker jacket", "DJ", ["S", "M", "L", "XL"], Decimal("13.20")),
]
COLOURS = ["Navy", "Black", "Heather Grey", "Off White", "Olive", "Burgundy", "Sky Blue", "Camel"]

# Where each demo order ends, in the order they are created, with how it gets there.
# "variant" picks a path: which signatures are still missing, why it was held or cancelled...
PLAN: list[tuple[str, str]] = [
    *[
        (Stage.RECEIVED, v)
        for v in ("new", "new", "partly_checked", "checked", "rejected", "rejected", "checked")
    ],
    *[
        (Stage.IN_REVIEW, v)
        for v in (
            "manager",
            "manager",
            "manager",
            "administration",
            "administration",
            "administration",
            "gm",
            "gm",
        )
    ],
    *[(Stage.APPROVED, "") for _n in range(6)],
    *[(Stage.IN_PRODUCTION, v) for v in ("", "", "", "", "", "", "late", "late")],
    *[(Stage.INSPECTION, v) for v in ("", "", "", "", "", "late")],
    *[(Stage.SHIPPING, v) for v in ("", "overdue", "", "", "")],
    *[(Stage.SETTLED, "") for _n in range(5)],
    *[(Stage.ON_HOLD, v) for v in (Stage.RECEIVED, Stage.APPROVED, Stage.IN_PRODUCTION)],
    *[(Stage.CANCELLED, v) for v in (Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED)],
]

# Days from today: (order date, ex-factory date) for each final stage.
STAGE_DATES = {
    Stage.RECEIVED: (-5, 75),
    Stage.IN_REVIEW: (-12, 65),
    Stage.APPROVED: (-25, 55),
    Stage.IN_PRODUCTION: (-55, 25),
    Stage.INSPECTION: (-75, 6),
    Stage.SHIPPING: (-95, -8),
    Stage.SETTLED: (-160, -60),
    Stage.ON_HOLD: (-40, 45),
    Stage.CANCELLED: (-30, 50),
}

REJECTION_REASONS = [
    "價錢低於成本：請與工廠重新核對用布量。",
    "客期太緊，工廠產能不足；請客人延後。",
]
HOLD_REASONS = {
    Stage.RECEIVED: "客人正在審閱顏色，等客人確認。",
    Stage.APPROVED: "客戶要求改信用證，收到前暫停。",
    Stage.IN_PRODUCTION: "大貨布縮水測試不合格，等重染的一批。",
}
CANCEL_REASON = "客人撤回訂單（該季取消此系列）。"
