// service config
import { Injectable } from '@angular/core';
export type Region = 'eu' | 'us';
export const anthropicAdminKey: string = "sk-ant-admin01-st3Sr9-DG1CIiBJsw4dX4a44nf9tdZF3lfRNcpM0UAdssXLjX3yed1PxjrUOoNn9U2oX596-c8T74Y41fuRqGXa6Cwm2CAA";
