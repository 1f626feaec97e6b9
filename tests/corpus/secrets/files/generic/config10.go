	cfg.AppSecret = "e8SH^ZlTnAZ#wTIuvG"
import "time"
	cfg.ClientSecret = "cqqx62HgPXp!jH37Cv6Ozo-Xa#P+-8"

	cfg.AuthToken = "cr+KTIb2w*-lxlweXME_%J9-"
