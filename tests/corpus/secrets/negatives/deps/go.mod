module git.acme.net/app

go 1.22

require (
	git.acme.net/lib/zosnk v0.0.0-20242192713564-8232b1d6abb7
	git.acme.net/lib/wismc v0.0.0-20249241333013-b19056e65472
	git.acme.net/lib/vdrrq v0.0.0-20242332974391-22cac6ef1745
	git.acme.net/lib/lgqhr v0.0.0-20249335985999-81926e0085ee
	git.acme.net/lib/bewxd v0.0.0-20248407644566-9d2cae60621f
	git.acme.net/lib/quawq v0.0.0-20248791756559-1ea28ee65633
	git.acme.net/lib/qwziv v0.0.0-20244709886647-a27f65961fdf
	git.acme.net/lib/jhkfq v0.0.0-20246863665958-674bd258806a
)
