print("mikey-ibake")
