using System.Globalization;
using EnergyActors.ServiceDefaults;
using EnergyActors.Silo;
using EnergyActors.Tests.Infrastructure;
using Orleans.Hosting.Kubernetes;
using Xunit.Abstractions;
using static EnergyActors.Tests.Deploy.DeployFiles;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// deploy/kubernetes parsed and held against the code: every environment variable is a setting the silo or gateway
/// reads, ports agree between containers, settings, images and the Service, probes reach the operations endpoints on
/// the management port (the only one open to callers off the pod), and what the Orleans hosting package needs is there.
/// </summary>
public sealed class KubernetesManifestTests(ITestOutputHelper output)
{
    private const string Namespace = "energyactors";

    private static readonly List<Dictionary<object, object>> Documents =
        [.. Directory.GetFiles(Kubernetes, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(LoadYaml).Cast<Dictionary<object, object>>()];

    [Fact]
    public void Every_manifest_is_listed_by_the_kustomization_and_names_its_kind_and_namespace()
    {
        var listed = List(LoadYaml(Path.Combine(Kubernetes, "kustomization.yaml"))[0], "resources").Cast<string>().Order();
        var files = Directory.GetFiles(Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(files, listed);
        foreach (var document in Documents)
        {
            Assert.NotNull(Text(document, "apiVersion"));
            Assert.NotNull(Text(document, "metadata.name"));
            Assert.Equal(Text(document, "kind") == "Namespace" ? null : Namespace, Text(document, "metadata.namespace"));
        }

        Assert.Equal(["Deployment", "Deployment", "Namespace", "PodDisruptionBudget", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"],
            Documents.Select(d => Text(d, "kind")!).Order());
    }

    [Fact]
    public void The_silo_deployment_gives_Orleans_what_it_needs()
    {
        var silo = Workload("energyactors-silo");
        var env = Environment(silo);
        var labels = Strings(silo, "spec.template.metadata.labels");
        Assert.Equal(env["Orleans__ClusterId"], labels[KubernetesHostingOptions.ClusterIdLabel]);
        Assert.Equal(env["Orleans__ServiceId"], labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal("true", env[KubernetesHosting.EnabledSetting.Replace(":", "__", StringComparison.Ordinal)]);
        Assert.Equal("metadata.name", FieldRef(silo, KubernetesHostingOptions.PodNameEnvironmentVariable));
        Assert.Equal("metadata.namespace", FieldRef(silo, KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
        Assert.Equal("status.podIP", FieldRef(silo, KubernetesHostingOptions.PodIPEnvironmentVariable));
        Assert.Equal("$(POD_IP)", env["Orleans__AdvertisedIP"]);

        // The pod's service account may read, watch and label pods (the package's calls), bound in this namespace.
        var account = Text(silo, "spec.template.spec.serviceAccountName");
        Assert.Equal(account, Text(Single("ServiceAccount"), "metadata.name"));
        var subject = (Dictionary<object, object>)List(Single("RoleBinding"), "subjects")[0];
        Assert.Equal(account, subject["name"]);
        Assert.Equal(Text(Single("Role"), "metadata.name"), Text(Single("RoleBinding"), "roleRef.name"));
        var rule = (Dictionary<object, object>)List(Single("Role"), "rules")[0];
        Assert.Equal(["get", "list", "patch", "watch"], ((List<object>)rule["verbs"]).Cast<string>().Order());

        // Long enough for the graceful stop the host is given.
        Assert.True(int.Parse((string)At(silo, "spec.template.spec.terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture)
            > int.Parse(env["shutdownTimeoutSeconds"]!, CultureInfo.InvariantCulture));
        Assert.Equal(env["Orleans__ClusterId"], Environment(Workload("energyactors-gateway"))["Orleans__ClusterId"]);
        Assert.Equal(env["Orleans__ServiceId"], Environment(Workload("energyactors-gateway"))["Orleans__ServiceId"]);
    }

    [Theory]
    [InlineData("energyactors-silo", "Silo")]
    [InlineData("energyactors-gateway", "Gateway")]
    public void Containers_agree_with_the_image_the_settings_and_the_operations_endpoints(string name, string project)
    {
        var workload = Workload(name);
        var container = Container(workload);
        var env = Environment(workload);
        var keys = project == "Silo" ? ConfigurationKeys.Silo : ConfigurationKeys.Gateway;
        foreach (var variable in env.Keys)
        {
            Assert.True(keys.Contains(ConfigurationKeys.FromEnvironment(variable)), $"{name}: {variable} is no setting the {project} reads");
        }

        var image = DeployFiles.Container(project);
        Assert.Equal(image.Repository, Text(container, "image"));
        var ports = List(container, "ports").Select(p => (Name: Text(p, "name")!, Port: int.Parse(Text(p, "containerPort")!, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(image.Ports, ports.Select(p => p.Port).Order());
        Assert.Equal(image.User, Text(workload, "spec.template.spec.securityContext.runAsUser"));

        var management = new Uri(env["Operations__ManagementUrls"]!).Port;
        Assert.Equal(management, ports.Single(p => p.Name == "management").Port);
        if (project == "Silo")
        {
            Assert.Equal(env["Orleans__SiloPort"], ports.Single(p => p.Name == "silo").Port.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(env["Orleans__GatewayPort"], ports.Single(p => p.Name == "orleans-gateway").Port.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.Equal(new Uri(env["Urls"]!).Port, ports.Single(p => p.Name == "http").Port);
            Assert.Null(env.GetValueOrDefault("Auth__AnonymousFleet"));
        }

        // Off the pod, the operations endpoints answer only on the management URL; elsewhere they are a 404.
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Where(p => At(container, p) is not null))
        {
            var path = Text(container, $"{probe}.httpGet.path")!;
            Assert.Contains(path, new[] { "/health/live", "/health/ready" });
            Assert.True(OperationsEndpoints.IsOperationsPath(path));
            Assert.Equal("management", Text(container, $"{probe}.httpGet.port"));
        }

        Assert.Equal("/health/ready", Text(container, "readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", Text(container, "livenessProbe.httpGet.path"));
        Assert.NotNull(At(container, "resources.requests.cpu"));
        Assert.NotNull(At(container, "resources.requests.memory"));
        foreach (var secret in List(container, "env").Select(e => At(e, "valueFrom.secretKeyRef")).OfType<Dictionary<object, object>>())
        {
            Assert.Equal("energyactors", secret["name"]);
            Assert.Contains((string)secret["key"], new[] { "postgres-connection", "admin-key" });
        }
    }

    [Fact]
    public void Disruption_budgets_and_the_service_select_the_pods_of_a_deployment()
    {
        var budgets = Documents.Where(d => Text(d, "kind") == "PodDisruptionBudget").ToList();
        Assert.Equal(2, budgets.Count);
        foreach (var selector in budgets.Select(b => Strings(b, "spec.selector.matchLabels")).Append(Strings(Single("Service"), "spec.selector")))
        {
            var selected = Documents.Where(d => Text(d, "kind") == "Deployment")
                .Where(d => selector.All(kv => Strings(d, "spec.template.metadata.labels").GetValueOrDefault(kv.Key) == kv.Value)).ToList();
            Assert.Single(selected);
        }

        Assert.Equal("energyactors-gateway", Strings(Single("Service"), "spec.selector")["app.kubernetes.io/name"]);
        var servicePort = (Dictionary<object, object>)List(Single("Service"), "spec.ports")[0];
        Assert.Contains(servicePort["targetPort"], List(Container(Workload("energyactors-gateway")), "ports").Select(p => At(p, "name")));
    }

    [Fact]
    public async Task Kubectl_builds_the_kustomization_offline()
    {
        // kubectl apply/create --dry-run=client still asks an API server for the resource types; kustomize does not.
        if (!File.Exists("/usr/bin/kubectl") && !File.Exists("/usr/local/bin/kubectl"))
        {
            output.WriteLine("kubectl is not installed: only the YAML checks ran");
            return;
        }

        var built = await ShellCommand.RunAsync("kubectl", ["kustomize", Kubernetes]);
        var kinds = built.Split('\n').Where(l => l.StartsWith("kind: ", StringComparison.Ordinal)).ToList();
        output.WriteLine($"kubectl kustomize: {kinds.Count} resources");
        Assert.Equal(Documents.Count, kinds.Count);
        Assert.Contains("image: energyactors-silo:latest", built, StringComparison.Ordinal);
    }

    private static Dictionary<object, object> Single(string kind) => Documents.Single(d => Text(d, "kind") == kind);

    private static Dictionary<object, object> Workload(string name) =>
        Documents.Single(d => Text(d, "kind") == "Deployment" && Text(d, "metadata.name") == name);

    private static Dictionary<object, object> Container(Dictionary<object, object> workload) =>
        (Dictionary<object, object>)List(workload, "spec.template.spec.containers").Single();

    /// <summary>Name to literal value (null for one taken from a field or a Secret).</summary>
    private static Dictionary<string, string?> Environment(Dictionary<object, object> workload) =>
        List(Container(workload), "env").ToDictionary(e => Text(e, "name")!, e => Text(e, "value"));

    private static string? FieldRef(Dictionary<object, object> workload, string variable) =>
        List(Container(workload), "env").Where(e => Text(e, "name") == variable).Select(e => Text(e, "valueFrom.fieldRef.fieldPath")).Single();
}
