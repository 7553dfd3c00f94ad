#!/usr/bin/env python3
"""Writes news sentences in 18 languages in their legacy encodings, for
checking brief's encoding detection (docs/encodings.md).

    python3 tools/encodings/legacy_samples.py DIR
    for f in DIR/*.txt; do OLD segment $f 2>&1 | md5sum; NEW segment $f 2>&1 | md5sum; done

Each text is written whole, inside an English sentence (ASCII around it),
and cut after 2, 4, 8 and 16 non-ASCII bytes (extended to the end of the
word). Standard library only.
"""
import os
import sys

TEXTS = {
    "fr": ("cp1252", "Le président français a déclaré mercredi que la réforme des retraites serait adoptée « coûte que coûte », malgré l'opposition des syndicats. À Paris, des milliers de manifestants ont défilé jusqu'à la place de la Nation, où des échauffourées ont éclaté."),
    "de": ("cp1252", "Die Bundesregierung hat am Mittwoch ein umfangreiches Maßnahmenpaket beschlossen. Für Familien mit Kindern soll es künftig höhere Zuschüsse geben, außerdem werden die Gebühren für Kitas gesenkt – so der Plan des Ministers."),
    "es": ("cp1252", "El Gobierno español aprobó el martes una reforma que permitirá a los jóvenes acceder a viviendas más baratas. «Es un día histórico», afirmó la ministra, quien añadió que la inversión alcanzará los 2.000 millones de euros."),
    "pt": ("cp1252", "O presidente brasileiro anunciou nesta terça-feira um pacote de medidas para conter a inflação. SÃO PAULO registrou queda nas vendas, e a população está preocupada com os preços dos alimentos."),
    "cs": ("cp1250", "Česká vláda ve středu schválila návrh rozpočtu na příští rok. Ministr financí uvedl, že schodek by měl klesnout pod tři procenta HDP, což opozice označila za nereálné."),
    "pl": ("iso8859_2", "Polski rząd przyjął w środę projekt ustawy o podatkach. Minister finansów powiedział, że zmiany wejdą w życie od stycznia przyszłego roku, a opozycja zapowiedziała skargę."),
    "tr": ("cp1254", "Türkiye Cumhurbaşkanı çarşamba günü yaptığı açıklamada ekonominin güçlü olduğunu söyledi. Muhalefet ise enflasyonun yüzde elliyi aştığını ve halkın geçim sıkıntısı çektiğini belirtti."),
    "el": ("cp1253", "Η ελληνική κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τα νοικοκυριά. Ο υπουργός Οικονομικών δήλωσε ότι η ανάπτυξη θα ξεπεράσει το τρία τοις εκατό."),
    "ru1251": ("cp1251", "Центральный банк России во вторник повысил ключевую ставку до шестнадцати процентов. Председатель банка заявила, что инфляция остаётся высокой, а рубль — слабым."),
    "rukoi8": ("koi8_r", "Центральный банк России во вторник повысил ключевую ставку до шестнадцати процентов. Председатель банка заявила, что инфляция остаётся высокой."),
    "uk": ("cp1251", "Президент України заявив у вівторок, що Київ готовий до переговорів. Міністр закордонних справ додав, що умови залишаються незмінними."),
    "ja": ("shift_jis", "東京電力は火曜日、福島第一原子力発電所の処理水の放出を再開したと発表した。政府は安全性に問題はないと説明している。"),
    "jaeuc": ("euc_jp", "東京電力は火曜日、福島第一原子力発電所の処理水の放出を再開したと発表した。政府は安全性に問題はないと説明している。"),
    "zh": ("gbk", "国家统计局周二公布的数据显示，第三季度国内生产总值同比增长百分之四点九。分析人士认为，消费需求仍然疲软。"),
    "tw": ("big5", "行政院週二宣布，將擴大對中小企業的補助措施。經濟部表示，出口訂單連續三個月成長。"),
    "ko": ("euc_kr", "한국은행은 화요일 기준금리를 동결했다고 밝혔다. 총재는 물가 상승률이 여전히 목표치를 웃돌고 있다고 말했다."),
    "he": ("cp1255", "ממשלת ישראל אישרה ביום שלישי את תקציב המדינה לשנה הבאה. שר האוצר אמר כי הגירעון יקטן."),
    "ar": ("cp1256", "أعلنت الحكومة المصرية يوم الثلاثاء عن خطة جديدة لدعم الاقتصاد. وقال وزير المالية إن النمو سيتجاوز خمسة في المئة."),
}


def prefix(data, k):
    """`data` up to its k-th non-ASCII byte, extended to the end of the word."""
    seen = 0
    for i, byte in enumerate(data):
        if byte >= 0x80:
            seen += 1
            if seen == k:
                end = i + 1
                while end < len(data) and data[end] != 0x20:
                    end += 1
                return data[:end]
    return None


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = 0
    for name, (encoding, text) in TEXTS.items():
        data = text.encode(encoding)
        variants = {"whole": data, "eng": b"The report said: " + data + b" The end."}
        for k in (2, 4, 8, 16):
            cut = prefix(data, k)
            if cut is not None:
                variants[f"k{k}"] = cut
        for variant, payload in variants.items():
            with open(os.path.join(out, f"{name}_{variant}.txt"), "wb") as f:
                f.write(payload)
            written += 1
    print(f"{written} files in {out}")


if __name__ == "__main__":
    main()
