using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Pages;

/// <summary>What a person does in Rapport, as steps a test can read like a story.</summary>
public sealed class RapportPages(BrowserSession session)
{
    private IPage Page => session.Page;

    public async Task SetUpOwnerAsync(string name, string email, string password)
    {
        await Page.GetByLabel("Your name").FillAsync(name);
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(session.BaseUrl + "/");
    }

    public async Task SignOutAsync()
    {
        await Page.Locator(".account-menu summary").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task OpenPeopleAsync()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/people$"));
    }

    public async Task FillContactAsync(string firstName, string? lastName = null, string? email = null, string? organization = null, string? notes = null)
    {
        await Page.GetByLabel("First name").FillAsync(firstName);
        if (lastName is not null) await Page.GetByLabel("Last name").FillAsync(lastName);
        if (email is not null) await Page.GetByLabel("Email 1", new() { Exact = true }).FillAsync(email);
        if (organization is not null) await Page.GetByLabel("Organization", new() { Exact = true }).FillAsync(organization);
        if (notes is not null) await Page.GetByLabel("Notes").FillAsync(notes);
    }

    public async Task ImportLinkedInAsync(string path)
    {
        await Page.GotoAsync(session.BaseUrl + "/import");
        await Page.GetByLabel("Connections.csv or the LinkedIn ZIP").SetInputFilesAsync(path);
        await Page.Locator("form[action*='handler=LinkedIn'] button[type=submit]").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Import ");
    }

    public Task SubmitContactAsync(string label = "Add contact") =>
        Page.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();

    public async Task SearchPeopleAsync(string text)
    {
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search people" }).FillAsync(text);
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape($"/people?q={Uri.EscapeDataString(text)}") + "$"));
    }
}
