"""Prints the Vietnamese lunar date of every day from 1900-01-01 to 2100-12-31
according to the `lunar-vn` package (PyPI), an implementation independent of
the widget's, one line a day: `YYYY-MM-DD year month day leap(0|1)`.
Used only by tests/lunar_reference.rs; `cargo xtask setup` installs the package.
"""
import datetime
import sys

import lunar_vn

day = datetime.date(1900, 1, 1)
last = datetime.date(2100, 12, 31)
out = []
while day <= last:
    lunar = lunar_vn.solar_to_lunar(day)
    out.append(f"{day.isoformat()} {lunar.year} {lunar.month} {lunar.day} {int(lunar.leap)}")
    day += datetime.timedelta(days=1)
sys.stdout.write("\n".join(out) + "\n")
