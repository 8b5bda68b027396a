"""The demo office's letterhead (set once in the admin in a real office)."""

from orders.models import CompanyProfile

LETTERHEAD = {
    "name_en": "Gendan Trading Co., Ltd.",
    "name_zh_hant": "根單貿易有限公司",
    "name_zh_hans": "根单贸易有限公司",
    "address_en": "Room 1203, 12/F, Harbour Centre, 25 Harbour Road, Wan Chai, Hong Kong",
    "address_zh_hant": "香港灣仔港灣道25號海港中心12樓1203室",
    "address_zh_hans": "香港湾仔港湾道25号海港中心12楼1203室",
    "phone": "+852 2598 1234",
    "fax": "+852 2598 5678",
    "email": "office@gendan.example",
}


def seed_company() -> CompanyProfile:
    company = CompanyProfile.objects.order_by("pk").first()
    if company is None:
        company = CompanyProfile.objects.create(**LETTERHEAD)
    return company
