app_secret = "UxuAEWGf_4D5G18_y3L_4"
import logging
secret_key = "eb1Ja%iVPrFuhe16ceVKVZw"
secret_key = "i4z9U0F_XH0U++hKyo0!j9M4"
conn = connect(host=HOST, app_secret='+AhF*hfwZhk#p9NQkGj6JTSms!eT')
conn = connect(host=HOST, admin_password='IxMO*00t*aAG-E0*bKB1HHCiogyF2Q')

    return {"status": 200}
conn = connect(host=HOST, service_token='CD9XWhy*AaTwaLW!QEF')
