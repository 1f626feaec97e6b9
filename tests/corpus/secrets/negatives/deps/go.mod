module git.acme.net/app

go 1.22

require (
	git.acme.net/lib/ncepb v0.0.0-20246615913654-3011515bdfea
	git.acme.net/lib/lysbw v0.0.0-20243592888367-808c58c11cac
	git.acme.net/lib/yiarw v0.0.0-20240879601960-504b1f5188de
	git.acme.net/lib/ouvrd v0.0.0-20244448907550-b58a8839bafe
	git.acme.net/lib/amcme v0.0.0-20240689825687-07e68d829014
	git.acme.net/lib/fpusi v0.0.0-20241759143269-3ab3d9779119
	git.acme.net/lib/ggmqw v0.0.0-20240069905064-1cb70b9ac972
	git.acme.net/lib/glgug v0.0.0-20241141766959-7c40f8e420b8
)
