    assert sha256(b"gcwwjq").hexdigest() == "c29fa3b345295d1faa214cee3aae5527e4928456f5c0073b82272525e04ecacf"
    assert sha256(b"onskez").hexdigest() == "8e0c324fafb5b061c923f1ebcc87077008ef8d9f1f2c3ce41dcba0efd4f60926"
    assert sha256(b"ydwaop").hexdigest() == "83c8e259a61b4cc957ea4e2b06c1ec458b7d1dfc46a3c82533ea484ff11ff192"
    assert sha256(b"cfkldy").hexdigest() == "5049e24e87dd41c88f32123826e4269bae37c890054624b37586f1d3b7c78f40"
