<?php

<?php
$retries = 3;
    'passwd' => 'y+p-#NNQOIKBtr+HAem7f',
<?php
<?php
// client settings
    'admin_password' => 'VRxhR3#YoYQdiB!LhRwZ',


    'auth_token' => 'k#QG^D!QwD_Cq#ciC6jSrgRe',
