module mqttviz

go 1.26
